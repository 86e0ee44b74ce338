package kz.hearingstate.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import kz.hearingstate.testing.ArchitectureRules;

/** Keeps the package boundaries the README describes. */
@AnalyzeClasses(packages = "kz.hearingstate.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule rulesAndTemplatesArePlainJava = classes()
            .that().haveSimpleNameNotEndingWith("Decisions")
            .and().resideInAnyPackage("..planning..", "..template..", "..privacy..")
            .and().doNotHaveSimpleName("ParkedLifecycleEvents")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework.web..",
                    "org.springframework.kafka..", "org.springframework.cloud..", "org.springframework.mail..");

    @ArchTest
    static final ArchRule deliveryKnowsChannelsOnlyThroughTheirInterface = noClasses()
            .that().resideInAPackage("..delivery..")
            .should().dependOnClassesThat().resideInAPackage("..channel..");

    @ArchTest
    static final ArchRule controllersOnlyTranslateHttp = noClasses()
            .that().resideInAnyPackage("..operator..", "..devmail..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..", "org.apache.kafka..",
                    "org.springframework.cloud.stream..");

    @ArchTest
    static final ArchRule onlyConfigBindsKafka = noClasses()
            .that().resideOutsideOfPackage("..config..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.cloud.stream..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule featurePackagesDoNotDependOnEachOtherInCycles =
            ArchitectureRules.featurePackagesAreFreeOfCycles("kz.hearingstate.notification");

    @ArchTest
    static final ArchRule indexesAreDeclaredByTheStoresAndCreatedOnlyByTheSharedCreator =
            ArchitectureRules.indexesAreOnlyDeclared();
}
