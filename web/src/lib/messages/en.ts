/** The shared strings in English, exactly the shape of the Malay ones (./ms.ts). */
import { count } from '../i18n';
import type { Messages } from './ms';

const messages: Messages = {
  siteName: 'Latih',
  siteTagline: 'Negeri Sembilan Digital Skills Platform',
  skipToContent: 'Skip to main content',
  mastheadOfficial: 'Official Malaysian Government Website',
  mastheadHowToKnow: 'Here’s how you know',
  navLabel: 'Main navigation',
  navHome: 'Home',
  navProgrammes: 'Programmes',
  navCatalogue: 'Course Catalogue',
  navFaq: 'FAQ',
  navVerify: 'Verify a certificate',
  menuOpen: 'Open menu',
  menuClose: 'Close menu',
  signIn: 'Sign in',
  languageLabel: 'Display language',
  phaseText: 'This is a new service. Your feedback helps us improve it.',
  footerAgency: 'Government of Negeri Sembilan',
  footerAddress: 'Wisma Negeri, 70503 Seremban, Negeri Sembilan Darul Khusus',
  footerLinks: 'Links',
  privacyPolicy: 'Privacy Policy',
  securityPolicy: 'Security Policy',
  copyright: 'All Rights Reserved',
  lastUpdated: 'Last updated',

  searchLabel: 'Search courses',
  searchHint: 'Search by title, code, topic or lesson, for example “cyber security”.',
  searchButton: 'Search',
  searchTooShort: 'Enter at least 2 characters.',
  loading: 'Loading…',
  viewCourses: 'View courses',
  programmeAudience: 'For',
  programmeTracks: 'Tracks',
  programmeEnrolment: 'Enrolment',
  enrolmentOpen: 'Self-enrolment',
  enrolmentApproval: 'Approval required',

  notFoundBody: 'The page you are looking for does not exist or has moved.',
  errorBody: 'Sorry, this page could not be shown. Please try again shortly.',
  networkError: 'The server could not be reached. Check your Internet connection and try again.',
  goHome: 'Go to the home page',

  pageTitle: (title) => `${title} | Latih`,
  strategy: (id) => `Strategy ${id}`,
  courses: (n) => count(n, 'en', 'course', 'courses'),
  hours: (n) => count(n, 'en', 'hour', 'hours'),
  mode: { 'self-paced': 'Self-paced', 'face-to-face': 'Face-to-face', blended: 'Blended' },
  audience: { 'civil-servant': 'Civil servants', teacher: 'Educators', student: 'Students', public: 'General public' },
  level: { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' },
  track: { school: 'Younger Generation (Schools)', rural: 'Rural Population' },
  language: { ms: 'Malay', en: 'English' },
};

export default messages;
