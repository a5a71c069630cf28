using Kabinet.Web.Common.Time;
using Kabinet.Web.Features.AdditionalEducation.Certificates;
using Kabinet.Web.Features.Families;

namespace Kabinet.Web.Features.AdditionalEducation;

/// <summary>
/// The children a person acts for in additional education: their own children, and themself from 14 until 18
/// (a student applies and enrols on their own). Every family page reads and writes only these.
/// </summary>
public sealed class FamilyScope(FamilyDirectory families, TimeProvider time)
{
    public async Task<IReadOnlyList<PersonSummary>> ChildrenOfAsync(int personId, CancellationToken ct)
    {
        var children = (await families.ChildrenOfAsync(personId, ct)).ToList();
        if (await families.FindPersonAsync(personId, ct) is { BirthDate: { } birth } self
            && CertificateApplication.AgeOn(birth, time.Today()) is >= CertificateApplication.OwnApplicationAge and < CertificateApplication.MaxAge)
            children.Insert(0, self);
        return children;
    }
}
