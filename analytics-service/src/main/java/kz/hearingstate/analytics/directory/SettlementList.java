package kz.hearingstate.analytics.directory;

import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Analytics' copy of the directory's settlement list: codes and names, so the public page names a
 * settlement code in its language. The spellings routing matches free text against are not needed here.
 */
@Document("settlements")
public record SettlementList(@Id String id, int version, List<Entry> settlements) {

    public record Entry(String code, Map<String, String> names) {
    }
}
