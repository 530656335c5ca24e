/** The operator's commands that run Scoreline itself: {@code serve}, {@code migrate}, {@code sim}, {@code demo} and {@code master-key}. */
package io.scoreline.app.cli.admin;
