package dev.dragoman.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The gateway's packages are layers, not a web: no package cycles; on the event side the outbox
 * at the bottom, sagas on it, intake on top; the admin views and the root package (the
 * application and its wiring) at the very top, where nothing depends on them.
 */
@AnalyzeClasses(packages = "dev.dragoman.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundaryTests {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.dragoman.gateway.(*)..").should().beFreeOfCycles()
            .because("a package that needs another which needs it back is one package in two places");

    @ArchTest
    static final ArchRule outboxKnowsNothingOfIntakeOrSagas = noClasses().that().resideInAPackage("dev.dragoman.gateway.outbox..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.dragoman.gateway.intake..", "dev.dragoman.gateway.saga..")
            .because("the outbox delivers what anyone puts in it (docs/EVENTS.md)");

    @ArchTest
    static final ArchRule sagasKnowNothingOfIntake = noClasses().that().resideInAPackage("dev.dragoman.gateway.saga..")
            .should().dependOnClassesThat().resideInAPackage("dev.dragoman.gateway.intake..")
            .because("intake starts sagas and reports to them, and turns their refusals into its problems");

    @ArchTest
    static final ArchRule cloudEventsFormatIsALeaf = noClasses().that().resideInAPackage("dev.dragoman.gateway.cloudevents..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.dragoman.gateway.intake..", "dev.dragoman.gateway.saga..",
                    "dev.dragoman.gateway.outbox..")
            .because("intake reads and sagas write the same format without depending on each other");

    @ArchTest
    static final ArchRule policiesKnowNothingOfRoutesOrTranslation = noClasses().that().resideInAPackage("dev.dragoman.gateway.policy..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.dragoman.gateway.route..", "dev.dragoman.gateway.filter..",
                    "dev.dragoman.gateway.security..", "dev.dragoman.gateway.intake..", "dev.dragoman.gateway.saga..",
                    "dev.dragoman.gateway.outbox..")
            .because("a route's policies are Spring Cloud Gateway's and Resilience4j's filters, which the routes put in their chain"
                    + " (docs/MAP-FORMAT.md, \"Route policies\")");

    @ArchTest
    static final ArchRule nothingDependsOnAdmin = noClasses().that().resideOutsideOfPackage("dev.dragoman.gateway.admin..")
            .should().dependOnClassesThat().resideInAPackage("dev.dragoman.gateway.admin..")
            .because("every /admin/ view lives in admin, on top of what it shows");

    @ArchTest
    static final ArchRule nothingDependsOnTheRootPackage = noClasses().that().resideOutsideOfPackage("dev.dragoman.gateway")
            .should().dependOnClassesThat().resideInAPackage("dev.dragoman.gateway")
            .because("the root package holds only the application and its wiring");
}
