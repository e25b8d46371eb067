package dev.reservation.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rule and the time rule, held by tests rather than by good intentions. */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.reservation.core");

    @Test
    void domainDependsOnNothingElseInTheCore() {
        noClasses().that().resideInAPackage("..core.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..core.service..", "..core.store..",
                        "..core.memory..", "..core.wiring..", "com.google.inject..")
                .check(CORE);
    }

    @Test
    void servicesAndPortsDoNotKnowTheInMemoryStoreOrTheWiring() {
        noClasses().that().resideInAnyPackage("..core.service..", "..core.store..", "..core.cluster..",
                        "..core.notify..", "..core.hooks..")
                .should().dependOnClassesThat().resideInAnyPackage("..core.memory..", "..core.wiring..",
                        "com.google.inject..")
                .check(CORE);
    }

    @Test
    void nothingReadsTheSystemClockDirectly() {
        noClasses().should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("time is a dependency: inject java.time.Clock")
                .check(CORE);
    }
}
