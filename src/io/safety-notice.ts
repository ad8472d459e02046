/**
 * Said once, when a new log is set up (and in the README): rehab is not medical advice, and these
 * are the red flags that mean stop and see a clinician (research/rules-evidence.md, "Red flags").
 */
export const RED_FLAGS = [
  'pain in both legs',
  'numbness around the genitals or anus',
  'new trouble with bladder or bowel control',
  'weakness in both legs that is getting worse',
  'fever with back pain',
  'back pain after a major fall or accident',
  'night pain that disturbs your sleep',
];

export function safetyNotice(): string {
  return [
    'rehab is not medical advice: it records what you lift and applies simple, published progression rules.',
    `Stop and see a clinician if you have any of these: ${RED_FLAGS.join('; ')}.`,
  ].join('\n');
}
