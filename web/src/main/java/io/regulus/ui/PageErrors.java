package io.regulus.ui;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of a page, in plain words and never a stack trace or a class name:
 *
 * <ul>
 *   <li>a refusal (the domain's 403) or something not found (404) renders the access-denied page
 *       with that status and the domain's sentence, in place of the page (after an ajax request, as
 *       the whole ajax response);
 *   <li>any other domain failure on a form (invalid input, a conflict, a broken rule) becomes an
 *       error message above the form, which stays as the user filled it;
 *   <li>an expired view (the session ended) reloads the page;
 *   <li>anything else is logged with a reference, and the error page shows that reference.
 * </ul>
 */
public class PageErrors extends ExceptionHandlerWrapper {

  /** The request attribute the error pages read. */
  public static final String PROBLEM = "problem";

  static final String DENIED_VIEW = "/app/denied.xhtml";
  static final String ERROR_VIEW = "/app/error.xhtml";

  private static final Logger LOG = Logger.getLogger(PageErrors.class.getName());

  /** What went wrong, for the error pages. */
  public record Problem(int status, String title, String detail) implements Serializable {}

  /** Registered in faces-config.xml. */
  public static class Factory extends ExceptionHandlerFactory {
    public Factory(ExceptionHandlerFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
      return new PageErrors(getWrapped().getExceptionHandler());
    }
  }

  public PageErrors(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    FacesContext context = FacesContext.getCurrentInstance();
    Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
    while (events.hasNext()) {
      Throwable thrown = events.next().getContext().getException();
      events.remove();
      try {
        handle(context, thrown);
      } catch (IOException e) {
        throw new FacesException(e);
      }
      if (context.getResponseComplete()) {
        break;
      }
    }
    while (events.hasNext()) {
      events.next();
      events.remove();
    }
    getWrapped().handle();
  }

  private void handle(FacesContext context, Throwable thrown) throws IOException {
    if (causeOf(thrown, ViewExpiredException.class).isPresent()) {
      reload(context);
      return;
    }
    Optional<DomainException> domain = causeOf(thrown, DomainException.class);
    if (domain.isPresent()) {
      DomainException failure = domain.get();
      ProblemKind kind = failure.kind();
      if (kind == ProblemKind.FORBIDDEN || kind == ProblemKind.NOT_FOUND) {
        show(context, DENIED_VIEW, new Problem(kind.status(), kind.title(), failure.detail()));
      } else if (context.isPostback() && context.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
        context.addMessage(
            null, new FacesMessage(FacesMessage.SEVERITY_ERROR, kind.title(), failure.detail()));
        context.validationFailed();
        context.renderResponse();
      } else {
        show(context, ERROR_VIEW, new Problem(kind.status(), kind.title(), failure.detail()));
      }
      return;
    }
    String reference = UUID.randomUUID().toString().substring(0, 8);
    LOG.log(Level.SEVERE, "page failed, reference " + reference, thrown);
    show(
        context,
        ERROR_VIEW,
        new Problem(
            500,
            text(context, "error.title"),
            MessageFormat.format(text(context, "error.reference"), reference)));
  }

  /**
   * Renders an error page in place of the view, with the problem's status; after an ajax request
   * before rendering began, the whole error page is the ajax response (a flash value would be lost:
   * the flash is done with the phase before failures are handled).
   */
  private static void show(FacesContext context, String view, Problem problem) throws IOException {
    ExternalContext external = context.getExternalContext();
    boolean ajax = context.getPartialViewContext().isAjaxRequest();
    if (ajax && context.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
      external.getRequestMap().put(PROBLEM, problem);
      ViewHandler views = context.getApplication().getViewHandler();
      context.setViewRoot(views.createView(context, view));
      context.getPartialViewContext().setRenderAll(true);
      context.renderResponse();
      return;
    }
    if (ajax) {
      external.getFlash().setRedirect(true);
      external.getFlash().put(PROBLEM, problem);
      external.redirect(external.getRequestContextPath() + view);
      context.responseComplete();
      return;
    }
    if (external.isResponseCommitted()) {
      context.responseComplete();
      return;
    }
    external.responseReset();
    external.setResponseStatus(problem.status());
    external.getRequestMap().put(PROBLEM, problem);
    ViewHandler views = context.getApplication().getViewHandler();
    UIViewRoot root = views.createView(context, view);
    context.setViewRoot(root);
    if (context.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE) {
      views.renderView(context, root);
      context.responseComplete();
    } else {
      context.renderResponse();
    }
  }

  private static void reload(FacesContext context) throws IOException {
    ExternalContext external = context.getExternalContext();
    external.getFlash().setRedirect(true);
    external.getFlash().setKeepMessages(true);
    context.addMessage(
        null,
        new FacesMessage(
            FacesMessage.SEVERITY_WARN,
            text(context, "reload.title"),
            text(context, "reload.detail")));
    String referer = external.getRequestHeaderMap().get("Referer");
    String here = external.getRequestContextPath() + "/app/index.xhtml";
    external.redirect(referer != null && referer.startsWith(origin(external)) ? referer : here);
    context.responseComplete();
  }

  /** A text of the shared bundle ({@code msg}), in the page's language. */
  private static String text(FacesContext context, String key) {
    return context.getApplication().getResourceBundle(context, "msg").getString(key);
  }

  private static String origin(ExternalContext external) {
    return external.getRequestScheme()
        + "://"
        + external.getRequestServerName()
        + ":"
        + external.getRequestServerPort()
        + "/";
  }

  private static <T extends Throwable> Optional<T> causeOf(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }
}
