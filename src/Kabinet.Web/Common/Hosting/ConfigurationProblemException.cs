namespace Kabinet.Web.Common.Hosting;

/// <summary>A setting that keeps Kabinet from starting; the message says what to fix, in one line.</summary>
public sealed class ConfigurationProblemException(string message) : Exception(message);
