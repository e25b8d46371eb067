package dev.reservation.harness;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.reservation.core.testing.ArchitectureRules;

/**
 * Each package of the harness depends only downward, and the Mongo store is used through its seam
 * (the harness drives replica sets with the driver itself, so driver types are allowed here).
 */
@AnalyzeClasses(packages = "dev.reservation.harness", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = ArchitectureRules.PACKAGES_FREE_OF_CYCLES;

    @ArchTest
    static final ArchRule nothingHereUsesTheMongoStoresInternals = ArchitectureRules.NO_MONGO_STORE_INTERNALS;
}
