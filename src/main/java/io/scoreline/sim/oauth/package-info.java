/**
 * What both simulated CRMs share of the OAuth authorization-code flow: the single-use codes their
 * authorize pages hand out and their token endpoints redeem, the consent page a simulated signed-in
 * CRM user answers, and which callback URLs the simulated connected apps have registered.
 */
package io.scoreline.sim.oauth;
