/**
 * What {@code serve} and {@code demo} run beside the HTTP server. Each kind of background work is
 * one {@link io.scoreline.app.background.BackgroundWork} bean; {@link io.scoreline.app.background.BackgroundWorkSupervisor}
 * starts them in order and stops them in reverse.
 */
package io.scoreline.app.background;
