package dev.dragoman.kit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The kit's layers: the outbox and the inbox know nothing of each other nor of the wiring, so a
 * simulation can build them without Spring; and nothing of the gateway or Spring Cloud Gateway
 * ever enters a department's service through the kit.
 */
@AnalyzeClasses(packages = "dev.dragoman.kit", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundaryTests {

    @ArchTest
    static final ArchRule noGatewayInTheKit = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.dragoman.gateway..", "org.springframework.cloud..");

    @ArchTest
    static final ArchRule outboxWithoutInbox = noClasses().that().resideInAPackage("dev.dragoman.kit.outbox..")
            .should().dependOnClassesThat().resideInAPackage("dev.dragoman.kit.inbox..");

    @ArchTest
    static final ArchRule inboxWithoutOutbox = noClasses().that().resideInAPackage("dev.dragoman.kit.inbox..")
            .should().dependOnClassesThat().resideInAPackage("dev.dragoman.kit.outbox..");

    /** The saga steps reach the inbox and the outbox only through the kit's public types (a simulation drives them without HTTP). */
    @ArchTest
    static final ArchRule sagaStepsWithoutInboxOrOutbox = noClasses().that().resideInAPackage("dev.dragoman.kit.saga..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.dragoman.kit.inbox..", "dev.dragoman.kit.outbox..");

    @ArchTest
    static final ArchRule onlyTheWiringKnowsTheWiring = noClasses().that().resideOutsideOfPackage("dev.dragoman.kit.autoconfigure..")
            .should().dependOnClassesThat().resideInAPackage("dev.dragoman.kit.autoconfigure..");
}
