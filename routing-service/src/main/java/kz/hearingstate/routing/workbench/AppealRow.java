package kz.hearingstate.routing.workbench;

import kz.hearingstate.events.AppealStatus;

/**
 * One appeal in a list. {@code countsOnly}: a confidential appeal seen from the akim's office, which shows its
 * department, status and deadline and nothing that identifies it. {@code review}: the corruption detector's review
 * band, shown to the anti-corruption officer alone; null otherwise.
 */
public record AppealRow(
        String appealId,
        String trackingCode,
        AppealStatus status,
        String category,
        String settlement,
        String excerpt,
        String deadline,
        Urgency urgency,
        int workingDaysLeft,
        int workingDaysOverdue,
        String handledBy,
        String department,
        boolean countsOnly,
        Workbench.Review review) {
}
