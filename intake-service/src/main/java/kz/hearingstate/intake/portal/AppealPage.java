package kz.hearingstate.intake.portal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import kz.hearingstate.intake.status.AppealStatusView;

/**
 * The status page of one appeal, in the page's language: what the citizen reads, worked out here so the template
 * only prints. Message keys ({@code statusKey}, {@code changeKey}) are resolved by the template.
 *
 * @param paused      whether the legal clock stands still (the department waits for the citizen's information)
 * @param pauseReason what the department asked for, when it said
 * @param canReply    the department asked for information and waits for the reply
 * @param canRate     the appeal is answered and may be rated
 */
record AppealPage(
        String trackingCode,
        String statusKey,
        boolean closed,
        String category,
        Department department,
        String received,
        String deadline,
        String deadlineIso,
        boolean paused,
        String pauseReason,
        List<Step> history,
        String answer,
        String answered,
        boolean canReply,
        boolean canRate) {

    record Step(String at, String changeKey, String reason) {
    }

    /** A department as the public may see it: its name in the page's language and its public contacts. */
    record Department(String code, String name, String phone, String email, String address) {

        /** Whether the page can show a way to reach it: a phone or an e-mail. */
        public boolean hasContacts() {
            return phone != null || email != null;
        }
    }

    /**
     * One change as the citizen reads it: the department's own words as written; a rule's reason (in routing's English)
     * in the page's language instead; and nothing of a reopening, whose reason repeats the citizen's own rating.
     */
    private static Step step(AppealStatusView.HistoryEntry entry, PortalDates dates, Locale locale) {
        String at = dates.dateTime(entry.at(), locale);
        String change = "portal.change." + entry.type();
        if (AppealStatusView.HistoryEntry.BY_SYSTEM.equals(entry.by())
                && ("REJECTED".equals(entry.type()) || "REOPENED".equals(entry.type()))) {
            // Routing's own: an anonymous appeal not considered; an appeal reopened because what the citizen wrote since
            // (a reply, a rating's comment) goes to the department that deals with it, not after a rating of theirs.
            return new Step(at, change + ".byRule", null);
        }
        return new Step(at, change, entry.departmentsWords());
    }

    static AppealPage of(AppealStatusView view, String category, Department department, PortalDates dates, Locale locale) {
        List<AppealStatusView.HistoryEntry> entries = view.history() == null ? List.of() : view.history().stream()
                .sorted(Comparator.comparingLong(AppealStatusView.HistoryEntry::sequence)).toList();
        List<Step> history = entries.stream().map(entry -> step(entry, dates, locale)).toList();
        boolean paused = view.status().isPaused();
        String pauseReason = paused ? entries.stream().filter(entry -> "INFO_REQUESTED".equals(entry.type()))
                .reduce((first, second) -> second).map(AppealStatusView.HistoryEntry::reason).orElse(null) : null;
        return new AppealPage(view.trackingCode(), "portal.status." + view.status().name(), view.closed(), category,
                department, dates.date(view.receivedAt(), locale), dates.date(view.currentDeadline(), locale),
                dates.iso(view.currentDeadline()), paused, pauseReason, history, view.answer(),
                dates.date(view.answeredAt(), locale),
                view.awaitsReply(), view.awaitsRating());
    }
}
