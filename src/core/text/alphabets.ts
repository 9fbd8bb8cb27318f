/** The Russian alphabet (33 letters), lower case. */
export const RUSSIAN_LETTERS = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
/** The Kazakh Cyrillic alphabet (42 letters): Russian's 33 and ә ғ қ ң ө ұ ү һ і. */
export const KAZAKH_LETTERS = `${RUSSIAN_LETTERS}әғқңөұүһі`;

/** The letters a target language is written with, lower case, where the checks know them. */
export const ALPHABETS: Readonly<Record<string, string>> = { ru: RUSSIAN_LETTERS, kk: KAZAKH_LETTERS };
