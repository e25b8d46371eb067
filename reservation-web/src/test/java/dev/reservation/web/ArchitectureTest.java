package dev.reservation.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;

/** The web module's dependency rules. */
@AnalyzeClasses(packages = "dev.reservation.web", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule onlyTheWiringTouchesTheMongoAdapter = noClasses()
            .that().doNotHaveSimpleName("StoreWiring")
            .should().dependOnClassesThat().resideInAPackage("dev.reservation.mongo..")
            .because("routes and pages see the core's ports; the store is chosen in one place");

    @ArchTest
    static final ArchRule noMongoDriverTypesInTheWebModule = noClasses()
            .should().dependOnClassesThat().resideInAPackage("com.mongodb..");

    @ArchTest
    static final ArchRule timeComesFromTheInjectedClock = noClasses()
            .that().doNotHaveSimpleName("WebMain")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone");

    @ArchTest
    static final ArchRule apiDoesNotDependOnPages = noClasses()
            .that().resideInAPackage("dev.reservation.web.api..")
            .should().dependOnClassesThat().resideInAPackage("dev.reservation.web.pages..");
}
