using System.Linq.Expressions;
using System.Reflection;
using Kabinet.Web.Data;

namespace Kabinet.Web.Features.Families;

/// <summary>
/// Families' part of another module's compiled query (EF.CompileAsyncQuery), whose expression cannot call into a
/// service: the module writes <see cref="Represents"/> and <see cref="PeopleNames"/> in its query and passes the whole
/// expression through <see cref="Inline{TDelegate}"/>, which puts Families' own query in their place. The other
/// module never names Families' tables.
/// </summary>
public sealed partial class FamilyDirectory
{
    private static readonly Expression<Func<KabinetDbContext, int, int, bool>> RepresentsQuery =
        (db, guardianId, childId) => db.FamilyLinks.Any(l => l.GuardianId == guardianId && l.ChildId == childId);

    private static readonly Expression<Func<KabinetDbContext, IQueryable<PersonName>>> NamesQuery =
        db => db.People.Select(p => new PersonName { Id = p.Id, LastName = p.LastName, FirstName = p.FirstName, MiddleName = p.MiddleName });

    private static readonly Dictionary<MethodInfo, LambdaExpression> Inlined = new()
    {
        [typeof(FamilyDirectory).GetMethod(nameof(Represents))!] = RepresentsQuery,
        [typeof(FamilyDirectory).GetMethod(nameof(PeopleNames))!] = NamesQuery,
    };

    /// <summary>In a query passed through <see cref="Inline{TDelegate}"/>: the person is a legal representative of the child.</summary>
    public static bool Represents(KabinetDbContext db, int guardianId, int childId) => throw NotInlined();

    /// <summary>In a query passed through <see cref="Inline{TDelegate}"/>: people's names (as <see cref="PersonNames"/>).</summary>
    public static IQueryable<PersonName> PeopleNames(KabinetDbContext db) => throw NotInlined();

    /// <summary>The query with Families' parts written out, ready for EF to compile.</summary>
    public static Expression<TDelegate> Inline<TDelegate>(Expression<TDelegate> query) => (Expression<TDelegate>)new Inliner().Visit(query);

    private static InvalidOperationException NotInlined() =>
        new("This method stands for a part of a query: pass the query through FamilyDirectory.Inline before compiling it.");

    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (!Inlined.TryGetValue(node.Method, out var lambda))
                return base.VisitMethodCall(node);
            var arguments = node.Arguments.Select(Visit).ToList();
            return Visit(new Substitution(lambda.Parameters.Zip(arguments).ToDictionary(p => p.First, p => p.Second!)).Visit(lambda.Body));
        }
    }

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> values) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => values.GetValueOrDefault(node, node);
    }
}
