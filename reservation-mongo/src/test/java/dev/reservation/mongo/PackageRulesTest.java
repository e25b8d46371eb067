package dev.reservation.mongo;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each package of this module depends only downward. Every package is its own slice, the module's
 * root package included ({@code "dev.reservation.(**)"} captures the whole package name, so a cycle
 * through {@code dev.reservation.mongo} itself is caught too).
 */
@AnalyzeClasses(packages = "dev.reservation.mongo", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.reservation.(**)")
            .should().beFreeOfCycles();
}
