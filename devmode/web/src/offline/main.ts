/** Entry point of the offline renderer page. */
import { renderOffline } from './renderOffline.ts';

window.wavecraftOffline = { render: renderOffline };
