import { Command } from '../shared';
import { ResponsibilityAssigned } from './events';

export type AssignResponsibility = Command<'AssignResponsibility', ResponsibilityAssigned['data']>;

export type ResponsibilityCommand = AssignResponsibility;
