package dev.reservation.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each package of this module depends only downward, and the Mongo store is used through its seam.
 * Every package is its own slice, the module's root package included ({@code "dev.reservation.(**)"}
 * captures the whole package name, so a cycle through {@code dev.reservation.web} itself is caught too).
 */
@AnalyzeClasses(packages = "dev.reservation.web", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.reservation.(**)")
            .should().beFreeOfCycles();

    /** The Mongo store's seam is {@code dev.reservation.mongo} and its {@code audit} package; the rest is its own. */
    @ArchTest
    static final ArchRule nothingHereUsesTheMongoStoresInternals = noClasses()
            .should().dependOnClassesThat().resideInAPackage("dev.reservation.mongo.internal..")
            .because("only reservation-mongo may use its implementation; callers go through MongoStores");

    /** Driver and BSON types stay inside the Mongo store: this module sees the core's ports only. */
    @ArchTest
    static final ArchRule noDriverTypesHere = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
            .because("the store's seam hands out the core's types, never the driver's");
}
