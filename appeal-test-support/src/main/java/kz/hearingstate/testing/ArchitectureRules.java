package kz.hearingstate.testing;

import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /**
     * No two feature packages of a service depend on each other, directly or round a longer loop. A feature
     * keeps its own settings (or they live in the service's root package); {@code config/} wires features, and
     * no feature imports {@code config/}.
     */
    public static ArchRule featurePackagesAreFreeOfCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..").should().beFreeOfCycles();
    }
}
