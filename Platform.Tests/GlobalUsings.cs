// The namespaces nearly every file of this project uses, imported once for all of them.
global using System.Diagnostics;
global using System.Net.Http.Json;
global using System.Text.Json;
global using System.Text.RegularExpressions;
global using Alba;
global using Marten;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Playwright;
global using Npgsql;
global using Platform.Domain.Accounts;
global using Platform.Domain;
global using Platform.Tests.Support;
global using static Microsoft.Playwright.Assertions;
