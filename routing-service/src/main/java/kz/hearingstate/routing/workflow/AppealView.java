package kz.hearingstate.routing.workflow;

import java.time.Instant;
import java.util.List;

import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealType;
import kz.hearingstate.events.Attachment;
import kz.hearingstate.events.Citizen;
import kz.hearingstate.events.ContactMasks;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.Location;
import kz.hearingstate.routing.classification.RoutingDecision;
import kz.hearingstate.routing.directory.ConfidentialReader;

/**
 * An appeal as its department (or the admin) sees it over HTTP: what the inbox message carries, plus its
 * state, and the citizen's replies to its requests for information. {@code topDepartments} is the department model's three likeliest departments with their probabilities,
 * which the triage desk routes from; empty when a rule or the corruption detector decided. Of a confidential
 * department's appeal, anyone but that department sees the state only: no tracking code, subject, text, citizen,
 * place, attachments, replies, routing reason, triage flag or model scores; and of an appeal forwarded out of a confidential
 * department, no other department learns it was there ({@code previousDepartment} is left out).
 */
public record AppealView(
        String appealId,
        String trackingCode,
        AppealStatus status,
        String department,
        String previousDepartment,
        String category,
        double confidence,
        boolean triage,
        List<RoutingDecision.Candidate> topDepartments,
        String routingReason,
        long sequence,
        AppealType type,
        String channel,
        String subject,
        String text,
        Language language,
        boolean anonymous,
        Citizen citizen,
        Location location,
        List<Attachment> attachments,
        List<CitizenReply> citizenReplies,
        Instant registeredAt,
        Instant deadline,
        SlaState slaState,
        String forwardedTo,
        boolean forwardedLate,
        boolean eventsPending) {

    /**
     * The view with the citizen's contact masked as the workbench masks it: for a reader who does not hold the appeal
     * (the admin, the akim's office over its at-risk list), who needs what the appeal is about, not how to reach or
     * identify its author.
     */
    AppealView withCitizenMasked() {
        Citizen masked = ContactMasks.of(citizen);
        return new AppealView(appealId, trackingCode, status, department, previousDepartment, category, confidence, triage,
                topDepartments, routingReason, sequence, type, channel, subject, text, language, anonymous, masked, location,
                attachments, citizenReplies, registeredAt, deadline, slaState, forwardedTo, forwardedLate, eventsPending);
    }

    /**
     * The view without what {@code reader} may not learn of a confidential department's part: the citizen's replies to its
     * questions, and that the appeal came from it (a department that received an appeal forwarded out of a confidential
     * one must not learn where it was).
     */
    AppealView seenBy(ConfidentialReader reader) {
        return new AppealView(appealId, trackingCode, status, department,
                reader.sees(previousDepartment) ? previousDepartment : null, category, confidence, triage, topDepartments,
                routingReason, sequence, type, channel, subject, text, language, anonymous, citizen, location, attachments,
                citizenReplies.stream().filter(reply -> reader.sees(reply.department())).toList(), registeredAt, deadline,
                slaState, forwardedTo, forwardedLate, eventsPending);
    }

    static AppealView of(RoutedAppeal a) {
        return of(a, true);
    }

    /**
     * What the department that forwarded or routed an appeal learns of it, then and on every retry of that action: where
     * it sent it, as it was sent (ROUTED), and nothing of what the new holder has done since: not its status, sequence,
     * deadline, clock or where it forwarded it on. A health department that sent a report of its own doctor to
     * anti-corruption must not follow the officer's work by sending its forward again.
     */
    static AppealView sentOn(RoutedAppeal a) {
        return new AppealView(a.appealId, null, AppealStatus.ROUTED, a.department, a.previousDepartment, null, 0.0, false,
                List.of(), null, 0, a.submitted.type(), a.submitted.channel(), null, null, a.submitted.language(),
                a.submitted.anonymous(), null, null, List.of(), List.of(), null, null, null, null, false, false);
    }

    static AppealView of(RoutedAppeal a, boolean withContent) {
        if (!withContent) {
            // No model scores: a confidential department's triage flag and confidence are the corruption detector's
            // review band and score, which tell that the appeal was a suspected report.
            return new AppealView(a.appealId, null, a.status, a.department, a.previousDepartment, a.category,
                    0.0, false, List.of(), null, a.sequence, a.submitted.type(), a.submitted.channel(), null, null,
                    a.submitted.language(), a.submitted.anonymous(), null, null, List.of(), List.of(), a.registeredAt, a.deadline,
                    a.slaState, a.forwardedTo, a.forwardedLate, !a.outbox.isEmpty());
        }
        var s = a.submitted;
        return new AppealView(a.appealId, s.trackingCode(), a.status, a.department, a.previousDepartment, a.category,
                a.confidence, a.triage, a.topDepartments == null ? List.of() : a.topDepartments, a.routingReason, a.sequence, s.type(), s.channel(), s.subject(), s.text(),
                s.language(), s.anonymous(), s.citizen(), s.location(), s.attachments(), a.citizenReplies(), a.registeredAt, a.deadline,
                a.slaState, a.forwardedTo, a.forwardedLate, !a.outbox.isEmpty());
    }
}
