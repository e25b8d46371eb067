package dev.reservation.harness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each package of this module depends only downward, and the Mongo store is used through its seam.
 * Every package is its own slice, the module's root package included ({@code "dev.reservation.(**)"}
 * captures the whole package name, so a cycle through {@code dev.reservation.harness} itself is caught too).
 */
@AnalyzeClasses(packages = "dev.reservation.harness", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.reservation.(**)")
            .should().beFreeOfCycles();

    /** The Mongo store's seam is {@code dev.reservation.mongo} and its {@code audit} package; the rest is its own. */
    @ArchTest
    static final ArchRule nothingHereUsesTheMongoStoresInternals = noClasses()
            .should().dependOnClassesThat().resideInAPackage("dev.reservation.mongo.internal..")
            .because("only reservation-mongo may use its implementation; callers go through MongoStores");
}
