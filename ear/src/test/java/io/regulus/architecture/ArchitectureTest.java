package io.regulus.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.regulus.access.AccessControl;
import io.regulus.access.Guarded;
import io.regulus.access.Internal;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.directory.KeycloakDirectory;
import io.regulus.settings.Settings;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The design, checked on every build: modules depend one way (web and batch on the domain, the
 * domain on tenant-config); the domain speaks no JAX-RS but through its Keycloak adapter; every
 * public operation of a domain service declares its permission or says why it is internal; adapters
 * reach the domain only through declared operations, each endpoint naming the permission of the
 * operation it calls; configuration is read in one place; feature packages form no cycles. The
 * classes are read from each module's build output.
 */
class ArchitectureTest {

  private static final Path ROOT = Path.of(System.getProperty("regulus.root", ".."));
  private static JavaClasses all;

  @BeforeAll
  static void importTheModules() {
    all =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPaths(Module.stream().map(Module::classes).toList());
  }

  /** The modules, by where their classes come from. */
  enum Module {
    TENANT_CONFIG("tenant-config"),
    DOMAIN("ejb"),
    BATCH("batch"),
    WEB("web");

    private final String directory;

    Module(String directory) {
      this.directory = directory;
    }

    Path classes() {
      return ROOT.resolve(directory).resolve("target/classes").toAbsolutePath().normalize();
    }

    static java.util.stream.Stream<Module> stream() {
      return java.util.Arrays.stream(values());
    }

    DescribedPredicate<JavaClass> contains() {
      Path location = classes();
      return DescribedPredicate.describe(
          "in module " + directory,
          type ->
              type.getSource()
                  .map(source -> source.getUri())
                  .filter(uri -> "file".equals(uri.getScheme()))
                  .map(uri -> Path.of(uri).startsWith(location))
                  .orElse(false));
    }
  }

  /** The domain's beans, but its settings, which every module reads. */
  private static final DescribedPredicate<JavaClass> BEANS =
      DescribedPredicate.describe(
          "beans",
          type ->
              !type.isEquivalentTo(Settings.class)
                  && (type.isAnnotatedWith(Stateless.class)
                      || type.isAnnotatedWith(Singleton.class)
                      || type.isAnnotatedWith(ApplicationScoped.class)
                      || type.isAnnotatedWith(RequestScoped.class)
                      || type.isAnnotatedWith(Dependent.class)));

  private static final DescribedPredicate<JavaClass> ADAPTERS =
      DescribedPredicate.describe(
          "adapters (web, batch)",
          type -> Module.WEB.contains().test(type) || Module.BATCH.contains().test(type));

  @Test
  void tenantConfigDependsOnNoOtherModule() {
    noClasses()
        .that(Module.TENANT_CONFIG.contains())
        .should()
        .dependOnClassesThat(
            Module.DOMAIN.contains().or(Module.WEB.contains()).or(Module.BATCH.contains()))
        .check(all);
  }

  @Test
  void theDomainDependsOnNoAdapter() {
    noClasses().that(Module.DOMAIN.contains()).should().dependOnClassesThat(ADAPTERS).check(all);
  }

  @Test
  void batchDoesNotDependOnWeb() {
    noClasses()
        .that(Module.BATCH.contains())
        .should()
        .dependOnClassesThat(Module.WEB.contains())
        .check(all);
  }

  @Test
  void theDomainSpeaksNoJaxRsButThroughItsKeycloakAdapter() {
    noClasses()
        .that(Module.DOMAIN.contains().or(Module.TENANT_CONFIG.contains()))
        .and()
        .doNotBelongToAnyOf(KeycloakDirectory.class)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("jakarta.ws.rs..")
        .check(all);
  }

  @Test
  void everyDomainServiceIsGuarded() {
    classes()
        .that(Module.DOMAIN.contains())
        .and()
        .areAnnotatedWith(Stateless.class)
        .should()
        .beAnnotatedWith(Guarded.class)
        .check(all);
  }

  @Test
  void everyPublicOperationOfADomainServiceDeclaresItsPermissionOrIsInternal() {
    methods()
        .that()
        .areDeclaredInClassesThat(
            DescribedPredicate.describe(
                "domain beans",
                (JavaClass type) ->
                    Module.DOMAIN.contains().test(type)
                        && (type.isAnnotatedWith(Stateless.class)
                            || type.isAnnotatedWith(Singleton.class))))
        .and()
        .arePublic()
        .should()
        .beAnnotatedWith(Requires.class)
        .orShould()
        .beAnnotatedWith(Internal.class)
        .check(all);
  }

  @Test
  void anOperationTakesWhatItsPermissionIsCheckedAgainst() {
    methods()
        .that()
        .areAnnotatedWith(Requires.class)
        .and()
        .areDeclaredInClassesThat()
        .areAnnotatedWith(Guarded.class)
        .should(takeWhatTheirPermissionNeeds())
        .check(all);
  }

  @Test
  void adaptersReachTheDomainOnlyThroughDeclaredOperations() {
    noClasses()
        .that(ADAPTERS)
        .should()
        .callMethodWhere(
            DescribedPredicate.describe(
                "the target is an undeclared method of a domain bean",
                (JavaMethodCall call) -> {
                  JavaClass owner = call.getTargetOwner();
                  boolean domainBean =
                      (Module.DOMAIN.contains().test(owner)
                              || Module.TENANT_CONFIG.contains().test(owner))
                          && BEANS.test(owner)
                          && !owner.isEquivalentTo(AccessControl.class);
                  return domainBean
                      && call.getTarget()
                          .resolveMember()
                          .map(method -> !method.isAnnotatedWith(Requires.class))
                          .orElse(true);
                }))
        .check(all);
  }

  @Test
  void everyEndpointNamesThePermissionOfTheOperationItCalls() {
    methods()
        .that()
        .areDeclaredInClassesThat(Module.WEB.contains())
        .and()
        .areAnnotatedWith(Requires.class)
        .should(callOnlyOperationsOfTheirPermission())
        .check(all);
  }

  @Test
  void configurationIsReadInOnePlace() {
    noClasses()
        .that()
        .doNotBelongToAnyOf(Settings.class)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.microprofile.config..")
        .check(all);
  }

  /**
   * The API reads JSON bodies strictly only into records (api.contract.StrictJsonReader), or, for a
   * document in another party's format marked {@code @StreamedBody}, as a stream the domain reads
   * strictly itself.
   */
  @Test
  void everyJsonBodyIsARecord() {
    methods()
        .that()
        .areDeclaredInClassesThat(Module.WEB.contains())
        .and()
        .areAnnotatedWith(Consumes.class)
        .should(takeJsonBodiesAsRecords())
        .check(all);
  }

  @Test
  void featurePackagesFormNoCycles() {
    slices().matching("io.regulus.(*)..").should().beFreeOfCycles().check(all);
  }

  @Test
  void apiPackagesFormNoCycles() {
    slices().matching("io.regulus.api.(*)..").should().beFreeOfCycles().check(all);
  }

  private static ArchCondition<JavaMethod> takeJsonBodiesAsRecords() {
    return new ArchCondition<>("take a JSON body as a record") {
      @Override
      public void check(JavaMethod endpoint, ConditionEvents events) {
        if (!Arrays.asList(endpoint.getAnnotationOfType(Consumes.class).value())
            .contains(MediaType.APPLICATION_JSON)) {
          return;
        }
        for (JavaParameter parameter : endpoint.getParameters()) {
          boolean entity =
              parameter.getAnnotations().stream()
                  .noneMatch(a -> a.getRawType().getPackageName().startsWith("jakarta.ws.rs"));
          JavaClass type = parameter.getRawType();
          boolean record =
              type.getRawSuperclass().map(s -> s.isEquivalentTo(Record.class)).orElse(false);
          boolean streamed =
              endpoint.isAnnotatedWith("io.regulus.api.contract.StreamedBody")
                  && type.isEquivalentTo(java.io.InputStream.class);
          if (entity && !record && !streamed) {
            events.add(
                SimpleConditionEvent.violated(
                    endpoint,
                    endpoint.getFullName()
                        + " reads its JSON body into "
                        + type.getName()
                        + ", not a record"));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaMethod> takeWhatTheirPermissionNeeds() {
    return new ArchCondition<>("take what their permission is checked against") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        Permission permission = method.getAnnotationOfType(Requires.class).value();
        Set<String> parameters =
            method.getRawParameterTypes().stream()
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toSet());
        Set<String> needed =
            switch (permission.scope()) {
              case TENANT -> Set.of("TenantCaller");
              case FIRM -> Set.of("Caller", "FirmSlug");
              case PLATFORM, ANY_CALLER -> Set.of("Caller");
            };
        if (!parameters.containsAll(needed)) {
          events.add(
              SimpleConditionEvent.violated(
                  method,
                  method.getFullName() + " requires " + permission + " but takes no " + needed));
        }
      }
    };
  }

  private static ArchCondition<JavaMethod> callOnlyOperationsOfTheirPermission() {
    return new ArchCondition<>("call only guarded operations of the permission they name") {
      @Override
      public void check(JavaMethod endpoint, ConditionEvents events) {
        Permission named = endpoint.getAnnotationOfType(Requires.class).value();
        Map<String, Permission> called = new TreeMap<>();
        for (JavaMethodCall call : endpoint.getMethodCallsFromSelf()) {
          call.getTarget()
              .resolveMember()
              .filter(target -> target.getOwner().isAnnotatedWith(Guarded.class))
              .filter(target -> target.isAnnotatedWith(Requires.class))
              .ifPresent(
                  target ->
                      called.put(
                          target.getFullName(),
                          target.getAnnotationOfType(Requires.class).value()));
        }
        boolean serviceless = named == Permission.READ_OWN_PROFILE && called.isEmpty();
        if ((called.isEmpty() && !serviceless)
            || called.values().stream().anyMatch(p -> p != named)) {
          events.add(
              SimpleConditionEvent.violated(
                  endpoint,
                  endpoint.getFullName()
                      + " names "
                      + named
                      + " but calls "
                      + (called.isEmpty() ? "no guarded operation" : called)));
        }
      }
    };
  }
}
