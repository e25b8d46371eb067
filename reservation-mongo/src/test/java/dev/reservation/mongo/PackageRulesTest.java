package dev.reservation.mongo;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.reservation.core.testing.ArchitectureRules;

/** Each package of the Mongo store depends only downward (docs/ARCHITECTURE.md). */
@AnalyzeClasses(packages = "dev.reservation.mongo", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = ArchitectureRules.PACKAGES_FREE_OF_CYCLES;
}
