/** {@code scoreline team …} and {@code scoreline profile …}: the people model, through the Teams and Profiles use cases. */
package io.scoreline.app.cli.people;
