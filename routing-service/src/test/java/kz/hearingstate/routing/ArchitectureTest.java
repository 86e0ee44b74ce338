package kz.hearingstate.routing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import kz.hearingstate.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the domain rules plain Java and the feature packages free of cycles. */
class ArchitectureTest {

    /** The module's own compiled classes, read from the build output (scanning the classpath is slow). */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(java.nio.file.Path.of("target/classes"));

    @Test
    void domainRulesArePlainJavaWithoutSpringOrMongo() {
        noClasses().that().haveSimpleNameStartingWith("AppealStateMachine")
                .or().haveSimpleName("AppealWorkflow")
                .or().haveSimpleName("AppealClassifier")
                .or().haveSimpleName("SafetyRules")
                .or().haveSimpleName("TextFeatures")
                .or().haveSimpleName("LogisticRegressionModel")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.apache.kafka..")
                .check(CLASSES);
    }

    @Test
    void controllersDoNotTalkToKafkaDirectly() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveSimpleName("EventPublisher")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.cloud.stream..")
                .check(CLASSES);
    }

    @Test
    void onlyTheStoresUseMongoTemplate() {
        noClasses().that().haveSimpleNameNotEndingWith("Store")
                .should().dependOnClassesThat().haveSimpleName("MongoTemplate")
                .check(CLASSES);
    }

    @Test
    void classificationAndDirectoryKnowNothingOfTheWorkflow() {
        noClasses().that().resideInAnyPackage("..routing.classification..", "..routing.directory..")
                .should().dependOnClassesThat().resideInAPackage("..routing.workflow..")
                .check(CLASSES);
    }

    @Test
    void featurePackagesDoNotDependOnEachOtherInCycles() {
        ArchitectureRules.featurePackagesAreFreeOfCycles("kz.hearingstate.routing").check(CLASSES);
    }

    @Test
    void indexesAreDeclaredByTheStoresAndCreatedOnlyByTheSharedCreator() {
        ArchitectureRules.indexesAreOnlyDeclared().check(CLASSES);
    }
}
