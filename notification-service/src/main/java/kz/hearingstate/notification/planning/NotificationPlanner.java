package kz.hearingstate.notification.planning;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.notification.contact.CitizenContact;
import kz.hearingstate.notification.delivery.PlannedNotification;
import kz.hearingstate.notification.delivery.RecipientRole;
import kz.hearingstate.notification.directory.DepartmentContact;
import kz.hearingstate.notification.template.MessageTemplate;
import kz.hearingstate.web.CategoryNames;

/**
 * Decides who is told what. Plain rules, no I/O: the citizen hears of registration and of each step
 * that changes what they can expect (routed, forwarded, information requested, extended, answered,
 * rejected); a department hears of each new assignment, of a coming deadline and of a breach; the
 * akim's office hears of each escalation. Anonymous citizens and those who chose no contact are not
 * told, and that decision is recorded too. An appeal of a confidential department (the directory's flag:
 * anti-corruption) is told to that department alone: the akim's office hears nothing of its escalation
 * (it sees counts and deadlines in routing's at-risk list), and every notification about it is marked
 * confidential so operators see no content.
 */
public class NotificationPlanner {

    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ALMATY);

    static final String SKIP_ANONYMOUS = "anonymous-appeal";
    static final String SKIP_NO_CONTACT_WANTED = "citizen-chose-no-notifications";
    static final String SKIP_NO_ADDRESS = "no-address-for-preferred-channel";
    static final String SKIP_NO_WEBHOOK = "no-webhook-for-intake-channel";
    static final String SKIP_NO_DEPARTMENT_CONTACT = "no-department-contact";
    static final String SKIP_CONFIDENTIAL = PlannedNotification.WITHHELD_CONFIDENTIAL;

    private final Function<String, Optional<DepartmentContact>> departments;
    private final Predicate<String> confidentialDepartment;
    private final Set<String> webhookChannels;
    private final Language staffLanguage;
    private final String akimOffice;
    private final String publicBaseUrl;

    /**
     * @param departments            an active department's contact
     * @param confidentialDepartment whether a department's appeals are told to it alone (deleted and not yet known
     *                               departments included: see DepartmentDirectory#confidential)
     */
    public NotificationPlanner(Function<String, Optional<DepartmentContact>> departments, Predicate<String> confidentialDepartment,
            Set<String> webhookChannels, Language staffLanguage, String akimOffice, String publicBaseUrl) {
        this.departments = departments;
        this.confidentialDepartment = confidentialDepartment;
        this.webhookChannels = Set.copyOf(webhookChannels);
        this.staffLanguage = staffLanguage;
        this.akimOffice = akimOffice;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    public List<PlannedNotification> forSubmission(String eventId, AppealSubmitted appeal, CitizenContact contact) {
        Map<String, String> values = baseValues(appeal.appealId(), appeal.trackingCode(), appeal.deadline(), contact.language());
        // The citizen's private link goes in this first message only; an event without a secret (anonymous, or
        // older than secrets) links to the public page instead.
        values.put("accessUrl", appeal.accessSecret() == null ? values.get("statusUrl")
                : publicBaseUrl + "/portal/a/" + appeal.accessSecret() + inLanguage(contact.language()));
        return List.of(forCitizen(eventId, MessageTemplate.APPEAL_REGISTERED, contact, values, appeal.receivedAt(), false));
    }

    /** Whether this kind of change is something the citizen hears of (and so needs their contact). */
    public boolean tellsCitizen(LifecycleType type) {
        return citizenTemplate(type).isPresent();
    }

    /**
     * @param contact the citizen's contact, empty when the submission has not been seen yet: then only the
     *                staff part is planned, and the caller keeps the event until the contact arrives
     */
    public List<PlannedNotification> forLifecycle(String eventId, AppealLifecycleEvent event, Optional<CitizenContact> contact) {
        List<PlannedNotification> planned = new ArrayList<>();
        contact.flatMap(known -> forCitizenOnly(eventId, event, known)).ifPresent(planned::add);
        staffRecipient(event).ifPresent(staff -> {
            Instant deadline = event.deadline() != null ? event.deadline() : contact.map(CitizenContact::deadline).orElse(null);
            Map<String, String> values = lifecycleValues(event, deadline, staffLanguage);
            planned.add(forStaff(eventId, event, staff.template(), staff.role(), staff.departmentCode(), values,
                    contact.orElse(null)));
        });
        return planned;
    }

    /**
     * The citizen's part of {@link #forLifecycle} alone, for an event kept until the contact arrived: its staff
     * part was planned when it came. Empty when the citizen does not hear of this kind of change.
     */
    public Optional<PlannedNotification> forCitizenOnly(String eventId, AppealLifecycleEvent event,
            CitizenContact contact) {
        return citizenTemplate(event.type()).map(template -> {
            Instant deadline = event.deadline() != null ? event.deadline() : contact.deadline();
            Map<String, String> values = lifecycleValues(event, deadline, contact.language());
            return forCitizen(eventId, template, contact, values, event.occurredAt(), confidential(event));
        });
    }

    private static Optional<MessageTemplate> citizenTemplate(LifecycleType type) {
        return Optional.ofNullable(switch (type) {
            case ROUTED -> MessageTemplate.APPEAL_ROUTED;
            case FORWARDED -> MessageTemplate.APPEAL_FORWARDED;
            case INFO_REQUESTED -> MessageTemplate.INFO_REQUESTED;
            case EXTENDED -> MessageTemplate.APPEAL_EXTENDED;
            case ANSWERED -> MessageTemplate.APPEAL_ANSWERED;
            case REJECTED -> MessageTemplate.APPEAL_REJECTED;
            default -> null;
        });
    }

    private record StaffRecipient(MessageTemplate template, RecipientRole role, String departmentCode) {
    }

    private Optional<StaffRecipient> staffRecipient(AppealLifecycleEvent event) {
        return Optional.ofNullable(switch (event.type()) {
            case ROUTED, REOPENED -> assignment(event.department());
            // Forwarded inside the akimat: the receiving department has a new assignment. Forwarded to an
            // outside body (status FORWARDED): the appeal is closed for the akimat, no department to tell.
            case FORWARDED -> event.status() != AppealStatus.FORWARDED && event.department() != null
                    && !event.department().equals(event.previousDepartment()) ? assignment(event.department()) : null;
            case SLA_WARNING -> new StaffRecipient(MessageTemplate.DEPARTMENT_SLA_WARNING, RecipientRole.DEPARTMENT, event.department());
            case SLA_BREACHED -> new StaffRecipient(MessageTemplate.DEPARTMENT_SLA_BREACHED, RecipientRole.DEPARTMENT, event.department());
            case ESCALATED -> new StaffRecipient(MessageTemplate.AKIM_OFFICE_ESCALATED, RecipientRole.AKIM_OFFICE, akimOffice);
            default -> null;
        });
    }

    private static StaffRecipient assignment(String department) {
        return department == null ? null
                : new StaffRecipient(MessageTemplate.DEPARTMENT_ASSIGNED, RecipientRole.DEPARTMENT, department);
    }

    /** The appeal is, or just was, a confidential department's (a forward out of it included). */
    private boolean confidential(AppealLifecycleEvent event) {
        return isConfidential(event.department()) || isConfidential(event.previousDepartment());
    }

    private boolean isConfidential(String department) {
        return department != null && confidentialDepartment.test(department);
    }

    private PlannedNotification forCitizen(String eventId, MessageTemplate template, CitizenContact contact,
            Map<String, String> values, Instant eventTime, boolean confidential) {
        ContactChannel channel = citizenChannel(contact);
        String address = switch (channel) {
            case EMAIL -> contact.email();
            case SMS -> contact.phone();
            case WEBHOOK, NONE -> null;
        };
        String skipReason = null;
        if (contact.anonymous()) {
            skipReason = SKIP_ANONYMOUS;
        } else if (channel == ContactChannel.NONE) {
            skipReason = SKIP_NO_CONTACT_WANTED;
        } else if (channel == ContactChannel.WEBHOOK && !webhookChannels.contains(contact.channel())) {
            skipReason = SKIP_NO_WEBHOOK;
        } else if (channel != ContactChannel.WEBHOOK && address == null) {
            skipReason = SKIP_NO_ADDRESS;
        }
        return new PlannedNotification(eventId, contact.appealId(), contact.trackingCode(), contact.channel(),
                contact.externalId(), template, RecipientRole.CITIZEN, channel, address, contact.language(), values,
                eventTime, skipReason, confidential);
    }

    /** The citizen's choice; without one, e-mail if given, else SMS. */
    private static ContactChannel citizenChannel(CitizenContact contact) {
        if (contact.anonymous()) {
            return ContactChannel.NONE;
        }
        if (contact.preferredContact() != null) {
            return contact.preferredContact();
        }
        if (contact.email() != null) {
            return ContactChannel.EMAIL;
        }
        return contact.phone() != null ? ContactChannel.SMS : ContactChannel.NONE;
    }

    private PlannedNotification forStaff(String eventId, AppealLifecycleEvent event, MessageTemplate template,
            RecipientRole role, String departmentCode, Map<String, String> values, CitizenContact contact) {
        boolean confidential = confidential(event);
        // Only the confidential department itself hears of its appeals: not the akim's office, nor anyone else. The
        // department a report was forwarded to holds it now and is told as of any assignment: a missing notice would
        // itself mark where the appeal came from. Told by who holds it, not by the recipient's own flag: a department not
        // yet named by the directory, or only seeded, counts as confidential, and must not hear of another's report.
        boolean withheld = confidential && !departmentCode.equals(event.department());
        Optional<DepartmentContact> department = withheld ? Optional.empty() : departments.apply(departmentCode);
        ContactChannel channel = department.map(d -> d.email() != null ? ContactChannel.EMAIL
                : d.phone() != null ? ContactChannel.SMS : ContactChannel.NONE).orElse(ContactChannel.NONE);
        String address = switch (channel) {
            case EMAIL -> department.get().email();
            case SMS -> department.get().phone();
            default -> null;
        };
        return new PlannedNotification(eventId, event.appealId(), event.trackingCode(),
                contact == null ? null : contact.channel(), contact == null ? null : contact.externalId(),
                template, role, channel, address, staffLanguage, values, event.occurredAt(),
                withheld ? SKIP_CONFIDENTIAL : channel == ContactChannel.NONE ? SKIP_NO_DEPARTMENT_CONTACT : null,
                confidential);
    }

    private Map<String, String> baseValues(String appealId, String trackingCode, Instant deadline, Language language) {
        Map<String, String> values = new HashMap<>();
        values.put("appealId", appealId);
        values.put("trackingCode", trackingCode);
        values.put("deadline", deadline == null ? null : DATE_TIME.format(deadline));
        values.put("statusUrl", publicBaseUrl + "/appeals/" + trackingCode + inLanguage(language));
        return values;
    }

    /** The portal's pages open in the message's language (its {@code ?lang=}), whatever the browser's settings say. */
    private static String inLanguage(Language language) {
        return language == null ? "" : "?lang=" + language.name();
    }

    private Map<String, String> lifecycleValues(AppealLifecycleEvent event, Instant deadline, Language language) {
        Map<String, String> values = baseValues(event.appealId(), event.trackingCode(), deadline, language);
        values.put("department", departmentName(event.department(), language));
        values.put("previousDepartment", departmentName(event.previousDepartment(), language));
        values.put("category", event.category() == null ? null : CategoryNames.name(event.category(), language.name()));
        values.put("reason", event.reason());
        values.put("answer", event.answer());
        String forwardedTo = event.forwardedTo() != null ? event.forwardedTo() : event.department();
        values.put("forwardedTo", departmentName(forwardedTo, language));
        values.put("feedbackUrl", publicBaseUrl + "/appeals/" + event.trackingCode() + "/feedback" + inLanguage(language));
        return values;
    }

    /** A department's name in the language, or the text as given (an outside body's name). */
    private String departmentName(String codeOrName, Language language) {
        if (codeOrName == null) {
            return null;
        }
        return departments.apply(codeOrName).map(d -> d.name(language)).orElse(codeOrName);
    }
}
