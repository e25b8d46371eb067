package dev.reservation.cli;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.reservation.core.testing.ArchitectureRules;

/** Each package of the CLI depends only downward, and the Mongo store is used through its seam. */
@AnalyzeClasses(packages = "dev.reservation.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = ArchitectureRules.PACKAGES_FREE_OF_CYCLES;

    @ArchTest
    static final ArchRule nothingHereUsesTheMongoStoresInternals = ArchitectureRules.NO_MONGO_STORE_INTERNALS;

    @ArchTest
    static final ArchRule noDriverTypesHere = ArchitectureRules.NO_DRIVER_TYPES;
}
