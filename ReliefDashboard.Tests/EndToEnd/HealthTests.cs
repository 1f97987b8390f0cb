using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;
namespace ReliefDashboard.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class HealthTests(AppFixture app)
{
    [Fact]
    public async Task Healthz_Answers200_WhenTheDatabaseIsReachable()
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(app.BaseUrl + "healthz", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
