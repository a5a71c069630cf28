global using Xunit;

[assembly: AssemblyFixture(typeof(Kabinet.Tests.Infrastructure.DemoApp))]
