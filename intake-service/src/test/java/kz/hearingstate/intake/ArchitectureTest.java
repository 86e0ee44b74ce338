package kz.hearingstate.intake;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import kz.hearingstate.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the feature packages honest: no cycles, thin controllers, domain rules free of Spring. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kz.hearingstate.intake");

    @Test
    void featurePackagesDoNotDependOnEachOtherInCycles() {
        ArchitectureRules.featurePackagesAreFreeOfCycles("kz.hearingstate.intake").check(CLASSES);
    }

    @Test
    void controllersOnlyTranslateHttp() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAssignableTo(MongoTemplate.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.cloud.stream.function.StreamBridge")
                .check(CLASSES);
    }

    @Test
    void domainRulesArePlainJava() {
        classes().that().haveSimpleNameEndingWith("Validator").or().haveSimpleName("LanguageDetector")
                .or().haveSimpleName("AppealIds").or().haveSimpleName("TokenBucket")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework..")
                .check(CLASSES);
    }

    @Test
    void onlyTheStoresAndTheIdempotencyReservationsTouchMongo() {
        noClasses().that().resideOutsideOfPackages("kz.hearingstate.intake.status..", "kz.hearingstate.intake.directory..")
                .and().doNotHaveSimpleName("SubmissionReservations")
                .should().dependOnClassesThat().areAssignableTo(MongoTemplate.class)
                .check(CLASSES);
    }

    @Test
    void indexesAreDeclaredByTheStoresAndCreatedOnlyByTheSharedCreator() {
        ArchitectureRules.indexesAreOnlyDeclared().check(CLASSES);
    }
}
