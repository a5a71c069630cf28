global using Microsoft.Playwright;
global using Xunit;
global using static Microsoft.Playwright.Assertions;

[assembly: AssemblyFixture(typeof(Kabinet.BrowserTests.Infrastructure.KabinetBrowserFixture))]
