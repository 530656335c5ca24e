/** Attribution of CRM users to Scoreline profiles by e-mail. */
package io.scoreline.pipeline.identities;
