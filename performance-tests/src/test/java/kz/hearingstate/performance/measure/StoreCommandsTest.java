package kz.hearingstate.performance.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import kz.hearingstate.performance.measure.StoreCommands.Tally;
import org.junit.jupiter.api.Test;

class StoreCommandsTest {

    @Test
    void givenCountsBeforeAndAfterADrain_whenDividedByItsAppeals_thenEachCollectionShowsWhatItAddedCostliestFirst() {
        StoreCommands before = new StoreCommands(Map.of(
                "routing.appeals", Map.of("total", new Tally(100, 50_000), "queries", new Tally(100, 50_000)),
                "intake.appeal_status", Map.of("total", new Tally(10, 1_000), "update", new Tally(10, 1_000)),
                "analytics.facts", Map.of("total", new Tally(7, 700), "queries", new Tally(7, 700))));
        StoreCommands after = new StoreCommands(Map.of(
                "routing.appeals", Map.of("total", new Tally(400, 350_000), "queries", new Tally(300, 150_000),
                        "update", new Tally(100, 200_000)),
                "intake.appeal_status", Map.of("total", new Tally(210, 201_000), "update", new Tally(210, 201_000)),
                "analytics.facts", Map.of("total", new Tally(7, 700), "queries", new Tally(7, 700)),
                "notification.deliveries", Map.of("total", new Tally(100, 600_000), "insert", new Tally(100, 600_000))));

        assertThat(after.since(before, 100)).isEqualTo("store commands per appeal 6.00 (11.00 ms of the server):"
                + " notification.deliveries 1.00 6.00 ms (insert 1.00 6.00),"
                + " routing.appeals 3.00 3.00 ms (queries 2.00 1.00, update 1.00 2.00),"
                + " intake.appeal_status 2.00 2.00 ms (update 2.00 2.00)");
    }

    @Test
    void givenCountsBeforeAndAfterARun_whenTakenPerAppealForTheReport_thenEachCollectionHasItsTotalsCostliestFirst() {
        StoreCommands before = new StoreCommands(Map.of("routing.appeals", Map.of("total", new Tally(100, 50_000))));
        StoreCommands after = new StoreCommands(Map.of("routing.appeals", Map.of("total", new Tally(400, 350_000)),
                "analytics.facts", Map.of("total", new Tally(7, 700)),
                "notification.deliveries", Map.of("total", new Tally(100, 600_000))));

        assertThat(after.perAppealSince(before, 300)).containsExactly(
                Map.entry("notification.deliveries", new StoreCommands.PerAppeal(0.33, 2.0)),
                Map.entry("routing.appeals", new StoreCommands.PerAppeal(1.0, 1.0)),
                Map.entry("analytics.facts", new StoreCommands.PerAppeal(0.02, 0.0)));
    }
}
