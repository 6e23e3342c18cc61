package io.regulus.template.library;

import io.regulus.access.SystemCaller;
import io.regulus.template.exchange.TemplateFormat;
import io.regulus.template.imports.TemplateImport;
import io.regulus.template.imports.TemplateImportRequest;
import io.regulus.template.imports.TemplateImportService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start-up, once the platform schema is migrated: loads the built-in library when its files
 * differ from those last loaded (docs/library.md), then starts the import job of each catalog whose
 * version is not published yet (NIST SP 800-53 MODERATE, through the OSCAL importer), as {@link
 * SystemCaller#LIBRARY}. A failure is logged and leaves the library as it was: tenants are still
 * served, and the next start tries again.
 */
@Singleton
@Startup
@DependsOn("PlatformStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BuiltInLibrary {

  private static final Logger LOG = Logger.getLogger(BuiltInLibrary.class.getName());

  private static final long RETRY_MILLIS = 2_000;
  private static final int ATTEMPTS = 60;

  @EJB private LibraryLoader loader;
  @EJB private TemplateImportService imports;
  @Resource private TimerService timers;

  @PostConstruct
  void load() {
    long began = System.nanoTime();
    try {
      LibraryFiles files = LibraryFiles.builtIn();
      if (loader.current(files)) {
        LOG.info(() -> "built-in library unchanged (" + millis(began) + " ms)");
        return;
      }
      LibraryLoader.Loaded loaded = loader.load(files);
      LOG.info(
          () ->
              "built-in library: "
                  + loaded.actionsAdded()
                  + " actions added, "
                  + loaded.actionsChanged()
                  + " changed; published "
                  + loaded.added()
                  + ", unchanged "
                  + loaded.unchanged()
                  + " ("
                  + millis(began)
                  + " ms)");
      if (!loader.pendingImports(files).isEmpty()) {
        timers.createSingleActionTimer(0, new TimerConfig(1, false));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "the built-in template library could not be loaded", e);
    }
  }

  /** Starts the import job of each catalog not yet published (attempt {@code timer.getInfo()}). */
  @Timeout
  void startImports(Timer timer) {
    int attempt = (Integer) timer.getInfo();
    try {
      LibraryFiles files = LibraryFiles.builtIn();
      for (LibraryFiles.Import file : loader.pendingImports(files)) {
        TemplateImport started =
            imports.importGlobal(
                SystemCaller.LIBRARY,
                new TemplateImportRequest(
                    file.key(),
                    file.version(),
                    TemplateFormat.valueOf(file.format().toUpperCase(Locale.ROOT)),
                    file.file().substring(file.file().lastIndexOf('/') + 1),
                    file.options()),
                new ByteArrayInputStream(file.bytes()));
        LOG.info(
            () -> "built-in library: import " + started.id() + " of " + file.key() + " started");
      }
    } catch (RuntimeException e) {
      if (attempt < ATTEMPTS) {
        LOG.fine(() -> "built-in library: imports not started yet (" + e + "), trying again");
        timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig(attempt + 1, false));
      } else {
        LOG.log(Level.SEVERE, "the built-in library's imports could not be started", e);
      }
    }
  }

  private static long millis(long began) {
    return (System.nanoTime() - began) / 1_000_000;
  }
}
