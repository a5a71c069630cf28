namespace Kabinet.Web.Features.CollegeAdmission;

/// <summary>What the applicant's page and the admissions office's review show alike: the application, its documents and history.</summary>
public sealed record ApplicationView(CollegeApplication Application, Speciality Speciality, string College, string Entrant, string DocumentLink);
