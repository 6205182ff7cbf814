// Passwords of 10+ characters that top every leaked-password list; refused for new passwords.
export const COMMON_PASSWORDS = new Set([
  "1234567890", "0987654321", "12345678910", "123456789a", "1234567890a", "1q2w3e4r5t", "1qaz2wsx3edc", "qwertyuiop", "qwertyuiop1",
  "asdfghjkl1", "zxcvbnm123", "password12", "password123", "password1234", "passw0rd123", "p@ssw0rd123", "iloveyou123", "princess123",
  "football123", "baseball123", "welcome123", "welcome1234", "letmein123", "sunshine123", "superman123", "administrator", "admin12345",
  "adminadmin", "changeme123", "qwerty12345", "qwerty123456", "abc1234567", "abcd123456", "aaaaaaaaaa", "1111111111", "0000000000",
  "1234qwerty", "qwerty1234", "monkey12345", "dragon12345", "michael123", "jennifer123", "trustno1234", "starwars123", "master12345",
  "computer123", "internet123", "whatever123", "portico123", "portico1234", "secret1234", "secretsecret", "passwordpassword",
  "mypassword1", "mypassword123", "password!1", "password1!", "password12!", "q1w2e3r4t5", "q1w2e3r4t5y6", "zaq12wsxcde3", "1q2w3e4r5t6y",
  "asdfasdfasdf", "qazwsxedcrfv", "pokemon1234", "liverpool123", "chelsea1234", "charlie123", "samsung123", "google1234", "facebook123",
]);
