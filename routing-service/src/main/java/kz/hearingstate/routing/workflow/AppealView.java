package kz.hearingstate.routing.workflow;

import java.time.Instant;
import java.util.List;

import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealType;
import kz.hearingstate.events.Attachment;
import kz.hearingstate.events.Citizen;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.Location;
import kz.hearingstate.routing.classification.RoutingDecision;

/**
 * An appeal as its department (or the admin) sees it over HTTP: what the inbox message carries, plus its
 * state. {@code topDepartments} is the department model's three likeliest departments with their probabilities,
 * which the triage desk routes from; empty when a rule or the corruption detector decided. Of a confidential
 * department's appeal, anyone but that department sees the state only: no tracking code, subject, text, citizen,
 * place, attachments, routing reason or model scores.
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
        Instant registeredAt,
        Instant deadline,
        SlaState slaState,
        String forwardedTo,
        boolean forwardedLate,
        boolean eventsPending) {

    static AppealView of(RoutedAppeal a) {
        return of(a, true);
    }

    static AppealView of(RoutedAppeal a, boolean withContent) {
        if (!withContent) {
            return new AppealView(a.appealId, null, a.status, a.department, a.previousDepartment, a.category,
                    a.confidence, a.triage, List.of(), null, a.sequence, a.submitted.type(), a.submitted.channel(), null, null,
                    a.submitted.language(), a.submitted.anonymous(), null, null, List.of(), a.registeredAt, a.deadline,
                    a.slaState, a.forwardedTo, a.forwardedLate, !a.outbox.isEmpty());
        }
        var s = a.submitted;
        return new AppealView(a.appealId, s.trackingCode(), a.status, a.department, a.previousDepartment, a.category,
                a.confidence, a.triage, a.topDepartments == null ? List.of() : a.topDepartments, a.routingReason, a.sequence, s.type(), s.channel(), s.subject(), s.text(),
                s.language(), s.anonymous(), s.citizen(), s.location(), s.attachments(), a.registeredAt, a.deadline,
                a.slaState, a.forwardedTo, a.forwardedLate, !a.outbox.isEmpty());
    }
}
