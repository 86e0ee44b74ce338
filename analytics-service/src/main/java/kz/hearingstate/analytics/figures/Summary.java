package kz.hearingstate.analytics.figures;

import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /api/v1/stats/summary}: the figures of every appeal received in [from, to), plus how they
 * split by current status and by department, category, channel, settlement and language.
 */
public record Summary(
        Instant from,
        Instant to,
        Instant generatedAt,
        Figures figures,
        Map<String, Integer> byStatus,
        Map<String, Integer> byDepartment,
        Map<String, Integer> byCategory,
        Map<String, Integer> byChannel,
        Map<String, Integer> bySettlement,
        Map<String, Integer> byLanguage,
        Notifications notifications) {

    public record Notifications(int delivered, int failed) {
    }
}
