package dev.reservation.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The CLI reaches the Mongo adapter only in its store wiring; commands see core services alone. */
class DependencyRuleTest {
    private final JavaClasses cli = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.reservation.cli");

    @Test
    void onlyTheStoreWiringKnowsTheMongoAdapterOrTheDriver() {
        noClasses().that().resideOutsideOfPackage("dev.reservation.cli.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.reservation.mongo..", "com.mongodb..", "org.bson..")
                .check(cli);
    }

    @Test
    void commandsUseServicesNotStorePortsOrImplementations() {
        noClasses().that().resideInAPackage("dev.reservation.cli")
                .should().dependOnClassesThat().resideInAnyPackage("dev.reservation.core.memory..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Store")
                .check(cli);
    }
}
