package dev.reservation.core.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules every module holds (see docs/ARCHITECTURE.md), written once; each module's
 * {@code PackageRulesTest} applies the ones that concern it to its own classes.
 */
public final class ArchitectureRules {
    /**
     * Each package depends only downward. Every package is its own slice, the module's root package
     * included ({@code "dev.reservation.(**)"} captures the whole package name, so a cycle through the
     * root package is caught too).
     */
    public static final ArchRule PACKAGES_FREE_OF_CYCLES = slices().matching("dev.reservation.(**)")
            .should().beFreeOfCycles();

    /** The Mongo store's seam is {@code dev.reservation.mongo} and its {@code audit} package; the rest is its own. */
    public static final ArchRule NO_MONGO_STORE_INTERNALS = noClasses()
            .should().dependOnClassesThat().resideInAPackage("dev.reservation.mongo.internal..")
            .because("only reservation-mongo may use its implementation; callers go through MongoStores");

    /** Driver and BSON types stay inside the Mongo store: a frontend sees the core's ports only. */
    public static final ArchRule NO_DRIVER_TYPES = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
            .because("the store's seam hands out the core's types, never the driver's");

    private ArchitectureRules() {
    }
}
