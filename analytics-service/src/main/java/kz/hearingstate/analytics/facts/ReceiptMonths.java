package kz.hearingstate.analytics.facts;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The {@code receipt_months} collection: for each calendar month (UTC) in which appeals were received, a counter of
 * the writes to their facts, {@code {_id: "2026-03", changes: 41}}. Figures kept by month of receipt are those of
 * the month's facts as long as its counter has not moved. A writer counts after it wrote (so a reader that read the
 * counter before the write sees it move), and counts again for a redelivered event that changed nothing (so a crash
 * between the write and the count cannot leave a month's change uncounted). A count too many only costs a
 * recomputation. Read by {@code _id} or whole: one document per month of history, however many appeals it holds.
 */
class ReceiptMonths {

    static final String COLLECTION = "receipt_months";

    private final MongoOperations mongo;

    ReceiptMonths(MongoOperations mongo) {
        this.mongo = mongo;
    }

    static YearMonth of(Instant receivedAt) {
        return YearMonth.from(receivedAt.atOffset(ZoneOffset.UTC));
    }

    /** Counts a write to the facts of each month of receipt of {@code facts} (those not received yet have none). */
    void changed(Collection<AppealFact> facts) {
        count(months(facts), 1);
    }

    /** Lists the months of receipt of {@code facts}, without counting a change: for facts no counter knows. */
    void listed(Collection<AppealFact> facts) {
        count(months(facts), 0);
    }

    /** Every month of receipt with its counter, oldest first. */
    Map<YearMonth, Long> counters() {
        Map<YearMonth, Long> counters = new TreeMap<>();
        for (Document month : mongo.findAll(Document.class, COLLECTION)) {
            counters.put(YearMonth.parse(month.getString("_id")), ((Number) month.get("changes")).longValue());
        }
        return counters;
    }

    private void count(Set<YearMonth> months, int by) {
        if (months.isEmpty()) {
            return;
        }
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        months.forEach(month -> writes.upsert(Query.query(Criteria.where("_id").is(month.toString())),
                new Update().inc("changes", by)));
        writes.execute();
    }

    private static Set<YearMonth> months(Collection<AppealFact> facts) {
        Set<YearMonth> months = new TreeSet<>();
        facts.stream().filter(Objects::nonNull).map(AppealFact::getReceivedAt).filter(Objects::nonNull)
                .forEach(receivedAt -> months.add(of(receivedAt)));
        return months;
    }
}
