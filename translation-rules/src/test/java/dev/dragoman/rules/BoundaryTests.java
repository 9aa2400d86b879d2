package dev.dragoman.rules;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** translation-rules is a plain library: no Spring, no Jackson 2, and a model that knows nothing of how it is loaded. */
@AnalyzeClasses(packages = "dev.dragoman.rules", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundaryTests {

    @ArchTest
    static final ArchRule noSpring = noClasses().that().resideInAPackage("dev.dragoman.rules..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("translation-rules is used without Spring (DESIGN.md)");

    /**
     * Jackson 3 lives in tools.jackson; it still uses Jackson 2's annotations artifact
     * (com.fasterxml.jackson.annotation) by design, so only that package is allowed.
     */
    @ArchTest
    static final ArchRule noJackson2 = noClasses().that().resideInAPackage("dev.dragoman.rules..")
            .should().dependOnClassesThat(resideInAPackage("com.fasterxml.jackson..")
                    .and(not(resideInAPackage("com.fasterxml.jackson.annotation.."))))
            .because("Spring Boot 4 brings Jackson 3 (tools.jackson); Jackson 2 stays out of the main code");

    @ArchTest
    static final ArchRule modelDoesNotDependOnLoading = noClasses().that().resideInAPackage("dev.dragoman.rules.model..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.dragoman.rules.internal..", "dev.dragoman.rules.yaml..")
            .because("the model is immutable data; how YAML becomes a model is the loader's business");

    @ArchTest
    static final ArchRule modelDoesNotReachIntoInternals = noClasses().that().resideInAPackage("dev.dragoman.rules.model..")
            .should().accessClassesThat().resideInAPackage("dev.dragoman.rules.internal..");

    @ArchTest
    static final ArchRule modelDoesNotDependOnTheApi = noClasses().that().resideInAPackage("dev.dragoman.rules.model..")
            .should().dependOnClassesThat().resideInAPackage("dev.dragoman.rules")
            .because("the model sits below the loading and translating API");
}
