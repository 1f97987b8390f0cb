namespace ReliefDashboard.Realtime;

/// <summary>The notifier that carries each committed change to every open page.</summary>
public class ChangeNotifierTests
{
    [Fact]
    public async Task EverySubscriber_GetsTheChange_AndOneThatThrows_DoesNotStopTheOthers()
    {
        var notifier = new ChangeNotifier();
        var first = new TaskCompletionSource<DataChange>();
        var second = new TaskCompletionSource<DataChange>();
        using var a = notifier.Subscribe(c => { first.TrySetResult(c); return Task.CompletedTask; });
        using var broken = notifier.Subscribe(_ => throw new InvalidOperationException("circuit gone"));
        using var slow = notifier.Subscribe(_ => Task.Delay(Timeout.Infinite));
        using var b = notifier.Subscribe(c => { second.TrySetResult(c); return Task.CompletedTask; });

        var change = new DataChange(ChangeKind.HouseholdData, [7], [2]);
        notifier.Publish(change);

        Assert.Same(change, await first.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Same(change, await second.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task AClosedPage_GetsNothingMore_AndLeavesNoListenerBehind()
    {
        var notifier = new ChangeNotifier();
        var calls = 0;
        var subscription = notifier.Subscribe(_ => { Interlocked.Increment(ref calls); return Task.CompletedTask; });
        Assert.Equal(1, notifier.Listeners);

        subscription.Dispose();
        subscription.Dispose(); // a page disposed twice
        notifier.Publish(DataChange.Of(ChangeKind.Policy));
        await Task.Delay(100);

        Assert.Equal(0, calls);
        Assert.Equal(0, notifier.Listeners);
    }

    [Fact]
    public void AChange_ReachesTheCardsOfItsHouseholds_AndOfEveryHouseholdOnlyWhenItIsAboutAll()
    {
        var edit = new DataChange(ChangeKind.HouseholdData, [7, 8], [2]);
        Assert.True(edit.Reaches(7));
        Assert.False(edit.Reaches(9));
        Assert.True(DataChange.Of(ChangeKind.Policy).Reaches(9));
        Assert.True(DataChange.Of(ChangeKind.Bulk).Reaches(9));
        Assert.False(DataChange.Of(ChangeKind.Flag).Reaches(9));
        Assert.False(DataChange.Of(ChangeKind.Figures).Reaches(9));
    }

    [Fact]
    public void EachKind_MovesOnlyWhatItCanMove()
    {
        Assert.False(DataChange.Of(ChangeKind.Administration).MovesFigures); // an account changed
        Assert.True(new DataChange(ChangeKind.Administration, [], [3]).MovesFigures); // a town renamed
        Assert.True(DataChange.Of(ChangeKind.Flag).MovesFigures);
        Assert.False(DataChange.Of(ChangeKind.Flag).MovesHouseholds);
        Assert.False(DataChange.Of(ChangeKind.Flag).MovesMoney);
        Assert.True(DataChange.Of(ChangeKind.Flag).MovesFlags);
        Assert.False(DataChange.Of(ChangeKind.Money).MovesHouseholds);
        Assert.True(DataChange.Of(ChangeKind.HouseholdData).MovesMoney); // a job changes a payment's check
        Assert.False(DataChange.Of(ChangeKind.HouseholdData).MovesFlags);
    }
}
