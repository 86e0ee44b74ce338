package kz.hearingstate.testing;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.index.IndexInfo;

/** The indexes a collection has, as MongoDB lists them, for a test to compare with an explicit list. */
public final class MongoIndexes {

    private MongoIndexes() {
    }

    /** One line per index: {@code "name: field ASC, other DESC"}. */
    public static List<String> of(MongoOperations mongo, Class<?> documentType) {
        return mongo.indexOps(documentType).getIndexInfo().stream().map(MongoIndexes::describe).toList();
    }

    private static String describe(IndexInfo index) {
        return index.getName() + ": " + index.getIndexFields().stream()
                .map(field -> field.getKey() + " " + direction(field))
                .collect(Collectors.joining(", "));
    }

    private static String direction(IndexField field) {
        return field.getDirection() == null ? "special" : field.getDirection().name();
    }
}
