package kz.hearingstate.testing;

import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Rules every service's {@code ArchitectureTest} checks, so the services keep one convention each. */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /**
     * Indexes are declared by a store through appeal-storage's {@code IndexedCollection} and created by its
     * {@code IndexCreator} only, before anything consumes or serves. Spring Data's index annotations are out:
     * with automatic index creation off (Boot's default) they would document indexes nobody creates.
     */
    public static ArchRule indexesAreOnlyDeclared() {
        return noClasses()
                .should().callMethodWhere(target(nameMatching("createIndex(es)?|ensureIndex")))
                .orShould().dependOnClassesThat().belongToAnyOf(Indexed.class, CompoundIndex.class, CompoundIndexes.class)
                .because("a store declares its indexes in IndexedCollection.indexes() and IndexCreator creates them"
                        + " at start-up (docs/CONVENTIONS.md, MongoDB)");
    }
}
