import { isStaff, type Actor } from '../accounts/authorization.js';

/**
 * Who may keep and read the contact directory (issue 4). Staff keep their district's directory;
 * networks, meetings and minutes ask here before they show a person's contact data.
 */
export function mayKeepDirectory(actor: Actor, districtId: number): boolean {
	return actor.districtId === districtId && isStaff(actor);
}

export interface ContactScope {
	districtId: number;
	/** The person is a current member of a network the actor's organisation also belongs to. */
	sharesNetworkWithActor: boolean;
	/** The person has an unwithdrawn consent to be contacted for network work. */
	consentsToNetworkContact: boolean;
}

/**
 * Contact data (e-mail, phone, notes) is shown only where there is a purpose: staff keep the
 * directory; a partner sees fellow network members who agreed to be contacted for network
 * work; viewers have no purpose. Names and roles of fellow members are not contact data.
 */
export function mayReadContactData(actor: Actor, contact: ContactScope): boolean {
	if (actor.districtId !== contact.districtId) return false;
	if (isStaff(actor)) return true;
	if (actor.role !== 'partner_editor') return false;
	return contact.sharesNetworkWithActor && contact.consentsToNetworkContact;
}

/** The purpose key under which people agree to be contacted for network work. */
export const NETWORK_PURPOSE = 'network_work';
/** Membership in a committee, and applying to one through a public call. */
export const COMMITTEE_PURPOSE = 'committee_work';
