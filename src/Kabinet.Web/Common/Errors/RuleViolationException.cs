namespace Kabinet.Web.Common.Errors;

/// <summary>A business rule refused the request; the message is Russian and shown to the person as is (HTTP 409 for the API).</summary>
public sealed class RuleViolationException(string message) : Exception(message);
