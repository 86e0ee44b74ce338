package kz.hearingstate.analytics.hotspots;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import kz.hearingstate.analytics.facts.AppealFact;
import kz.hearingstate.analytics.facts.AppealFacts;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.IncidentDetected;
import kz.hearingstate.events.Settlement;
import kz.hearingstate.events.Topics;
import kz.hearingstate.messaging.EventPublisher;
import kz.hearingstate.web.Hashing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for a surge around each appeal as soon as its category and place are known: appeals of the same
 * category in the same settlement (or, for appeals without a settlement, in the same geo cell), received
 * within the window that ends at this appeal's receipt. One place per appeal means one incident per surge. Working on receipt times, not on processing times, keeps a replay's incidents equal to
 * the live ones. An incident is announced once on {@code incidents.detected}, with a deterministic id that
 * is also its event id, so a repeated announcement (after a crash between publish and mark) is a duplicate
 * consumers drop. Appeals of a confidential department (anti-corruption) are never part of an incident,
 * and neither is an appeal routing has not placed yet: an incident lists its appeals and is public.
 */
public class HotspotDetector {

    private static final Logger log = LoggerFactory.getLogger(HotspotDetector.class);

    static final String SETTLEMENT = "settlement";
    static final String GEO_CELL = "geoCell";
    /** How many unannounced incidents one round of {@link #announceUnpublished()} sends at most. */
    static final int UNPUBLISHED_PER_ROUND = 100;
    /** Places read by one query at most: the local store looks up to 256 values of an index's key, a scan beyond. */
    static final int PLACES_PER_QUERY = 100;
    /** Appeals checked together when a department becomes countable ({@link #checkDepartment}): a live batch's size. */
    static final int PAGE = 500;

    private final AppealFacts facts;
    private final Incidents incidents;
    private final HotspotRule rule;
    private final EventPublisher publisher;
    private final Consumer<IncidentDetected> onAnnounced;
    private final Supplier<Set<String>> countableDepartments;

    /**
     * @param countableDepartments the departments whose appeals may be part of an incident: those the directory has
     *                             named, and not confidential ({@link kz.hearingstate.analytics.directory.DepartmentDirectory#countableCodes})
     */
    public HotspotDetector(AppealFacts facts, Incidents incidents, HotspotRule rule, EventPublisher publisher,
            Consumer<IncidentDetected> onAnnounced, Supplier<Set<String>> countableDepartments) {
        this.countableDepartments = countableDepartments;
        this.facts = facts;
        this.incidents = incidents;
        this.rule = rule;
        this.publisher = publisher;
        this.onAnnounced = onAnnounced;
    }

    /**
     * Checks the places of a batch's changed facts. The appeals any of a place's windows and baselines look at are read
     * with those of the batch's other places of the same category and kind whose periods overlap, in one query
     * ({@link #readPlaces}); before, one query per place (about one per appeal in a drain). Each window end is
     * evaluated once per batch, whichever of the batch's appeals reaches it.
     * <p>One batch at a time per instance: the submission and lifecycle consumers' threads both check places, and each
     * check works from what it read at its start; two at once could each start an incident for one surge.
     */
    public void checkAll(List<AppealFact> changed) {
        // Once Kafka refuses one announcement, the batch's other incidents are stored without trying: each try may wait
        // seconds, and many would outlast max.poll.interval.ms. IncidentAnnouncementRetry sends them all.
        checkAll(changed, new AtomicBoolean());
    }

    /** @param refused whether Kafka refused an announcement of this batch (or of a department's earlier pages) */
    private synchronized void checkAll(List<AppealFact> changed, AtomicBoolean refused) {
        if (changed.isEmpty()) {
            return;
        }
        // Known and not confidential: in a rebuild's first seconds the directory may not have named anti-corruption
        // yet, and a report would count as any appeal. A surge missed then is better than an incident listing a report.
        Set<String> countable = countableDepartments.get();
        Map<String, AppealFact> latest = new LinkedHashMap<>();
        changed.forEach(fact -> latest.put(fact.getAppealId(), fact)); // the batch's last state of each appeal
        Map<Place, List<AppealFact>> byPlace = new LinkedHashMap<>();
        for (AppealFact fact : latest.values()) {
            Place place = placeOf(fact, countable);
            if (place != null) {
                byPlace.computeIfAbsent(place, p -> new ArrayList<>()).add(fact);
            }
        }
        Map<Place, PlaceReads> reads = readPlaces(byPlace, countable);
        byPlace.forEach((place, facts) -> check(place, facts, reads.get(place), refused));
    }

    /**
     * Checks the places of a department's appeals when it becomes countable (read from the directory for the first time,
     * or no longer confidential): those counted before could be part of no surge, and no event of theirs may come again.
     * {@link #PAGE} appeals at a time, those it holds and then those moved on, each oldest first, so that a department with
     * years of appeals is not held in memory at once and each page reads the months it spans alone. It runs on the
     * directory's consumer thread: a check that fails, or outlasts {@code max.poll.interval.ms}, is not made again by the
     * record's redelivery, which finds it stored.
     */
    public void checkDepartment(String department) {
        AtomicBoolean refused = new AtomicBoolean();
        // One cursor after the other, each opened when it is read: an idle one may be closed by the server.
        for (boolean movedOn : new boolean[] {false, true}) {
            try (Stream<AppealFact> placed = facts.placedAt(department, movedOn)) {
                List<AppealFact> page = new ArrayList<>(PAGE);
                for (Iterator<AppealFact> each = placed.iterator(); each.hasNext(); ) {
                    page.add(each.next());
                    if (page.size() == PAGE || !each.hasNext()) {
                        checkAll(page, refused);
                        page = new ArrayList<>(PAGE);
                    }
                }
            }
        }
    }

    /** Places of one category and one kind of place (settlement or geo cell): what one query reads together. */
    private record Kind(String category, String scope) {
    }

    /**
     * What one place's check reads: the appeals its windows and baselines look at, oldest first, and its active incidents
     * when a window surges; both shared with the places read together with it.
     */
    private record PlaceReads(List<AppealFact> similar, ActiveIncidents active) {
    }

    /**
     * What each place's windows and baselines look at, the appeals of its category and place received from the
     * baseline before its batch's earliest appeal to a window after its latest. Places of one {@link Kind} whose
     * periods overlap are read by one query (the scope's values by {@code $in}, at most {@link #PLACES_PER_QUERY}), and
     * share one read of their active incidents: live, that is all of a batch's places of a category; a late event of an
     * old appeal gets queries of its own, so that no query reads the months between.
     */
    private Map<Place, PlaceReads> readPlaces(Map<Place, List<AppealFact>> byPlace, Set<String> countable) {
        Map<Kind, List<Place>> byKind = new LinkedHashMap<>();
        byPlace.keySet().forEach(place -> byKind.computeIfAbsent(place.kind(), kind -> new ArrayList<>()).add(place));
        Map<Place, PlaceReads> reads = new HashMap<>();
        byKind.forEach((kind, places) -> {
            Map<Place, Instant> earliest = new HashMap<>();
            Map<Place, Instant> latest = new HashMap<>();
            for (Place place : places) {
                List<AppealFact> batch = byPlace.get(place);
                earliest.put(place, batch.stream().map(AppealFact::getReceivedAt).min(Instant::compareTo).orElseThrow());
                latest.put(place, batch.stream().map(AppealFact::getReceivedAt).max(Instant::compareTo).orElseThrow());
            }
            List<Place> read = new ArrayList<>();
            Instant readTo = null;
            for (Place place : places.stream().sorted(Comparator.comparing(earliest::get)).toList()) {
                Instant from = rule.baselineStart(earliest.get(place));
                Instant to = latest.get(place).plus(rule.window());
                if (!read.isEmpty() && (from.isAfter(readTo) || read.size() == PLACES_PER_QUERY)) {
                    readTogether(kind, read, earliest, readTo, countable, reads);
                    read.clear();
                }
                read.add(place);
                readTo = read.size() == 1 || to.isAfter(readTo) ? to : readTo;
            }
            readTogether(kind, read, earliest, readTo, countable, reads);
        });
        return reads;
    }

    /**
     * Reads the appeals of places (sorted by their batch's earliest appeal) from the baseline before the first one's
     * earliest to {@code toInclusive}; their active incidents are bounded by the first one's earliest window.
     */
    private void readTogether(Kind kind, List<Place> places, Map<Place, Instant> earliest, Instant toInclusive,
            Set<String> countable, Map<Place, PlaceReads> reads) {
        Instant first = earliest.get(places.getFirst());
        List<String> values = places.stream().map(Place::value).toList();
        ActiveIncidents active = new ActiveIncidents(kind, values, rule.windowStart(first));
        Instant fromExclusive = rule.baselineStart(first);
        places.forEach(place -> reads.put(place, new PlaceReads(new ArrayList<>(), active)));
        for (AppealFact fact : facts.similarReceivedBetween(kind.category(), kind.scope(), values, fromExclusive, toInclusive,
                countable)) {
            String value = SETTLEMENT.equals(kind.scope()) ? fact.getSettlement() : fact.getGeoCell();
            PlaceReads ofPlace = reads.get(new Place(kind.category(), kind.scope(), value));
            if (ofPlace != null) {
                ofPlace.similar().add(fact);
            }
        }
    }

    /**
     * The incidents of places read together whose last appeal is after the earliest of their windows' starts, read
     * once, at the first surge of any of them, ids and last appeals only; before, once per place with a surge, and
     * before that once per window.
     */
    private final class ActiveIncidents {

        private final Kind kind;
        private final List<String> values;
        private final Instant since;
        private Map<String, SortedMap<String, Instant>> byValue;

        ActiveIncidents(Kind kind, List<String> values, Instant since) {
            this.kind = kind;
            this.values = values;
            this.since = since;
        }

        /** The place's incidents whose last appeal is after its earliest window's start (and some earlier), by id. */
        SortedMap<String, Instant> of(Place place) {
            if (byValue == null) {
                byValue = incidents.activeSince(kind.category(), kind.scope(), values, since);
            }
            return byValue.computeIfAbsent(place.value(), value -> new TreeMap<>());
        }
    }

    /**
     * Where an appeal counts, or null when it is no part of any incident: not placed yet, or of a department not
     * countable now or at first (a report forwarded on from anti-corruption stays out, as it stays out of the public
     * splits).
     */
    private static Place placeOf(AppealFact fact, Set<String> countable) {
        // From the fact's placement alone: an event that leaves it unchanged is not checked (AppealFactProjector).
        AppealFact.Placement at = fact.placement();
        if (at.category() == null || at.receivedAt() == null || !countable.contains(at.department())
                || (at.firstDepartment() != null && !countable.contains(at.firstDepartment()))) {
            return null;
        }
        // "other" is no place: such appeals fall back to their geo cell, like appeals without a settlement.
        if (at.settlement() != null && !Settlement.OTHER.equals(at.settlement())) {
            return new Place(at.category(), SETTLEMENT, at.settlement());
        }
        return at.geoCell() == null ? null : new Place(at.category(), GEO_CELL, at.geoCell());
    }

    private void check(Place place, List<AppealFact> batch, PlaceReads reads, AtomicBoolean refused) {
        List<AppealFact> similar = reads.similar();
        Set<Instant> evaluated = new HashSet<>();
        PlaceIncident incident = new PlaceIncident(place, reads.active(), refused);
        for (AppealFact fact : batch) {
            check(fact, similar, evaluated, incident);
        }
        incident.save();
    }

    /**
     * Evaluates every window that ends at a similar appeal received from this one's receipt up to one window
     * later. Why not only the window ending here: appeals of other partitions may arrive out of receipt order,
     * and the last of a surge's appeals to arrive is not always its latest; this way the last one to arrive
     * evaluates the window ending at the latest, when all of them are present.
     */
    private void check(AppealFact fact, List<AppealFact> similar, Set<Instant> evaluated, PlaceIncident incident) {
        Instant received = fact.getReceivedAt();
        List<AppealFact> around = receivedIn(similar, rule.windowStart(received), received.plus(rule.window()));
        for (AppealFact candidate : around) {
            Instant end = candidate.getReceivedAt();
            if (end.isBefore(received) || !evaluated.add(end)) {
                continue;
            }
            Instant windowStart = rule.windowStart(end);
            List<String> inWindow = receivedIn(around, windowStart, end).stream().map(AppealFact::getAppealId).toList();
            if (rule.isSurge(inWindow.size(), 0)) {
                double baseline = rule.baseline(receivedIn(similar, rule.baselineStart(end), windowStart).size());
                if (rule.isSurge(inWindow.size(), baseline)) {
                    incident.surge(fact, end, inWindow, baseline);
                }
            }
        }
    }

    /** Those of {@code similar} (oldest first) received in (fromExclusive, toInclusive], still oldest first. */
    private static List<AppealFact> receivedIn(List<AppealFact> similar, Instant fromExclusive, Instant toInclusive) {
        return similar.stream().filter(fact -> fact.getReceivedAt().isAfter(fromExclusive)
                && !fact.getReceivedAt().isAfter(toInclusive)).toList();
    }

    private record Place(String category, String scope, String value) {

        Kind kind() {
            return new Kind(category, scope);
        }
    }

    /**
     * The incident of one place in one batch's check. Each window of a surge joins the first by id of the place's
     * incidents whose last appeal is after the window's start, as the store would name it. The place's incidents that
     * any of the batch's windows could join (their last appeal after the earliest window's start) are read at the first
     * surge ({@link ActiveIncidents}) and kept as this check changes them ({@link #active}); the incident a
     * window joins is read once, and the appeals it lacks are written in one update when the check ends or moves to
     * another incident ({@link #save}). Before, each window added every appeal it held and read the whole incident back
     * (a surge of n appeals re-sent n ids for each new one, the square of its size), and then asked the store for the
     * active incident once per window, 2.5 queries per appeal in a drain.
     * <p>
     * Another analytics instance checking the same place in the same moment (appeals of one place come on every
     * partition) is not seen until its next batch; one query per window had the same blind spot, between its query and
     * its write, only shorter. The incident's id, a function of its place and hour, keeps both on one incident when
     * their detections fall in the same hour.
     */
    private final class PlaceIncident {

        private final Place place;
        private final ActiveIncidents activeOfKind;
        private final AtomicBoolean refused;
        /** The place's incidents whose last appeal is after the earliest window's start, by id, as this check leaves them. */
        private SortedMap<String, Instant> active;
        private Incident stored;
        private final Set<String> held = new HashSet<>();
        private final List<String> joining = new ArrayList<>();
        private Instant lastAppealAt;
        /** A window joined the incident since the last {@link #save}, so an incident not announced yet is tried again. */
        private boolean joined;

        PlaceIncident(Place place, ActiveIncidents activeOfKind, AtomicBoolean refused) {
            this.place = place;
            this.activeOfKind = activeOfKind;
            this.refused = refused;
        }

        /** A surge in the window ending at {@code end}: joins the place's active incident, or starts one. */
        void surge(AppealFact fact, Instant end, List<String> inWindow, double baseline) {
            Instant windowStart = rule.windowStart(end);
            Optional<String> joins = activeFor(windowStart);
            if (joins.isEmpty()) {
                save();
                follow(incidents.insertOrGet(new Incident(incidentId(place.category(), place.scope(), place.value(), end),
                        place.category(), fact.getDepartment(), place.scope(), place.value(),
                        SETTLEMENT.equals(place.scope()) ? place.value() : null,
                        GEO_CELL.equals(place.scope()) ? place.value() : null,
                        inWindow.size(), baseline, windowStart, end, end, inWindow, false)));
                announce();
                return;
            }
            if (stored == null || !stored.incidentId().equals(joins.get())) {
                save();
                follow(incidents.find(joins.get()).orElseThrow());
            }
            inWindow.stream().filter(held::add).forEach(joining::add);
            if (end.isAfter(lastAppealAt)) {
                lastAppealAt = end;
                active.put(stored.incidentId(), end);
            }
            joined = true;
        }

        /**
         * The first by id of the place's incidents whose last appeal is after {@code windowStart}, counting this check's
         * unsaved joins. No incident this check has not seen can qualify: one whose last appeal was at or before the
         * earliest window's start when read gains appeals only by being joined, which takes qualifying first.
         */
        private Optional<String> activeFor(Instant windowStart) {
            if (active == null) {
                active = activeOfKind.of(place);
            }
            return active.entrySet().stream().filter(incident -> incident.getValue().isAfter(windowStart))
                    .map(Map.Entry::getKey).findFirst();
        }

        private void follow(Incident incident) {
            active.merge(incident.incidentId(), incident.lastAppealAt(), (kept, read) -> kept.isAfter(read) ? kept : read);
            stored = incident;
            held.clear();
            held.addAll(incident.appealIds());
            lastAppealAt = incident.lastAppealAt();
        }

        /** Writes the appeals the incident gained; one whose announcement was refused before goes out with them. */
        void save() {
            if (stored == null) {
                return;
            }
            if (!joining.isEmpty() || lastAppealAt.isAfter(stored.lastAppealAt())) {
                incidents.join(stored.incidentId(), joining, lastAppealAt);
                stored = stored.joined(joining, lastAppealAt);
                joining.clear();
            }
            if (joined) {
                joined = false;
                announce();
            }
        }

        private void announce() {
            if (stored.published() || refused.get()) {
                return;
            }
            try {
                HotspotDetector.this.announce(stored);
                stored = stored.announced();
            } catch (RuntimeException notAcknowledged) {
                // Stored, not announced: IncidentAnnouncementRetry sends it. Failing the batch here would only have its
                // redelivery check every place again, against a Kafka that just refused.
                refused.set(true);
                log.warn("Could not announce incident {} now: {}", stored.incidentId(), notAcknowledged.toString());
            }
        }
    }

    private void announce(Incident incident) {
        if (incident.published()) {
            return;
        }
        IncidentDetected event = new IncidentDetected(incident.incidentId(), incident.category(), incident.department(),
                incident.settlement(), incident.geoCell(), incident.appealCountAtDetection(), incident.baselineCount(),
                incident.windowStart(), incident.detectedAt(), incident.appealIds(), incident.detectedAt());
        publisher.publish(Topics.INCIDENTS_DETECTED, incident.incidentId(), incident.incidentId(),
                EventTypes.INCIDENT_DETECTED, event);
        if (incidents.markPublished(incident.incidentId())) {
            onAnnounced.accept(event); // counted once, however many times a retry or a second instance sent it
        }
    }

    /**
     * Announces the incidents stored but not announced: a send Kafka refused fails its batch, and the batch's
     * redelivery finds its facts already applied, so it would check nothing and announce nothing again.
     *
     * @return how many were announced now
     */
    public int announceUnpublished() {
        int announced = 0;
        for (Incident incident : incidents.unpublished(UNPUBLISHED_PER_ROUND)) {
            announce(incident);
            announced++;
        }
        return announced;
    }

    /**
     * Same category, place and hour of detection give the same id, on every instance and in every replay. The hour,
     * not the detecting appeal's receipt time: the id is public, and a hash of a time to the millisecond is undone by
     * hashing the 3.6 million of its hour, which would say when the appeal that made the surge came. Two incidents of
     * one place and category are at least a window apart (a later surge joins an incident whose last appeal is within
     * one), so the hour tells them apart while the window is an hour or more.
     */
    static String incidentId(String category, String scope, String scopeValue, Instant detectedAt) {
        String key = category + "|" + scope + "|" + scopeValue + "|" + detectedAt.truncatedTo(ChronoUnit.HOURS);
        return "incident-" + Hashing.sha256Hex(key, 12);
    }
}
